package dev.vela.jcache;

import java.util.function.Supplier;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.management.CacheMXBean;

/** A JCache cache's settings, as its {@code CacheConfiguration} MXBean shows them. */
final class JCacheConfigurationBean implements CacheMXBean {
  private final Supplier<? extends CompleteConfiguration<?, ?>> configuration;

  /** A bean that reads the settings from {@code configuration} each time, so it shows changes. */
  JCacheConfigurationBean(Supplier<? extends CompleteConfiguration<?, ?>> configuration) {
    this.configuration = configuration;
  }

  private CompleteConfiguration<?, ?> config() {
    return configuration.get();
  }

  @Override
  public String getKeyType() {
    return config().getKeyType().getName();
  }

  @Override
  public String getValueType() {
    return config().getValueType().getName();
  }

  @Override
  public boolean isReadThrough() {
    return config().isReadThrough();
  }

  @Override
  public boolean isWriteThrough() {
    return config().isWriteThrough();
  }

  @Override
  public boolean isStoreByValue() {
    return config().isStoreByValue();
  }

  @Override
  public boolean isStatisticsEnabled() {
    return config().isStatisticsEnabled();
  }

  @Override
  public boolean isManagementEnabled() {
    return config().isManagementEnabled();
  }
}
