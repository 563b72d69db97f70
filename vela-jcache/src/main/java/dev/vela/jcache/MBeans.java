package dev.vela.jcache;

import java.lang.management.ManagementFactory;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.management.CacheMXBean;
import javax.cache.management.CacheStatisticsMXBean;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * Registers a cache's MXBeans with the platform MBean server under the spec's names, {@code
 * javax.cache:type=CacheStatistics|CacheConfiguration,CacheManager=<uri>,Cache=<name>}.
 */
final class MBeans {
  private MBeans() {}

  enum Kind {
    CacheStatistics,
    CacheConfiguration
  }

  static void register(Cache<?, ?> cache, Kind kind, Object bean) {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    ObjectName name = nameOf(cache, kind);
    try {
      if (!server.isRegistered(name)) {
        Class<Object> type = kind == Kind.CacheStatistics ? cast(CacheStatisticsMXBean.class) : cast(CacheMXBean.class);
        server.registerMBean(new StandardMBean(bean, type, true), name);
      }
    } catch (JMException e) {
      throw new CacheException("cannot register the " + kind + " MXBean of cache '" + cache.getName() + "'", e);
    }
  }

  static void unregister(Cache<?, ?> cache, Kind kind) {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    try {
      server.unregisterMBean(nameOf(cache, kind));
    } catch (InstanceNotFoundException notThere) {
      // never registered, or already gone: nothing to undo
    } catch (JMException e) {
      throw new CacheException("cannot unregister the " + kind + " MXBean of cache '" + cache.getName() + "'", e);
    }
  }

  /** Registers {@code bean} as the cache's {@code kind} MXBean when {@code shown}, else unregisters that MXBean. */
  static void show(Cache<?, ?> cache, Kind kind, Object bean, boolean shown) {
    if (shown) {
      register(cache, kind, bean);
    } else {
      unregister(cache, kind);
    }
  }

  /** Unregisters both MXBeans of a cache that closes. */
  static void unregisterAll(Cache<?, ?> cache) {
    unregister(cache, Kind.CacheStatistics);
    unregister(cache, Kind.CacheConfiguration);
  }

  static ObjectName nameOf(Cache<?, ?> cache, Kind kind) {
    try {
      return new ObjectName("javax.cache:type=" + kind + ",CacheManager="
          + safe(cache.getCacheManager().getURI().toString()) + ",Cache=" + safe(cache.getName()));
    } catch (JMException e) {
      throw new CacheException("cache name '" + cache.getName() + "' makes no MBean name", e);
    }
  }

  /** An ObjectName value may not hold these characters unquoted. */
  private static String safe(String text) {
    return text.replaceAll("[,:=\n]", ".");
  }

  @SuppressWarnings("unchecked")
  private static Class<Object> cast(Class<?> type) {
    return (Class<Object>) type;
  }
}
