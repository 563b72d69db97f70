package dev.vela.jcache;

/** A cache of this provider whose statistics and management MXBeans the manager switches on and off. */
interface ManagedCache {

  /** Keeps statistics (where the cache keeps its own, shows them) and registers their MXBean, or neither. */
  void setStatisticsEnabled(boolean enabled);

  /** Registers the configuration MXBean, or unregisters it. */
  void setManagementEnabled(boolean enabled);
}
