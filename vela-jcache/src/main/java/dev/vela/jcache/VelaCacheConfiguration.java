package dev.vela.jcache;

import java.util.Objects;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.MutableConfiguration;

/**
 * A JCache configuration with Vela's one addition: the {@link Copier} a store-by-value cache
 * copies its keys and values with, for types the default copier cannot copy (neither immutable nor
 * {@code Serializable}) or copies slowly.
 *
 * <pre>{@code
 * manager.createCache("carts", new VelaCacheConfiguration<String, Cart>()
 *     .setCopier(new CartCopier())
 *     .setTypes(String.class, Cart.class));
 * }</pre>
 *
 * <p>Equality is {@link MutableConfiguration}'s: the copier is not part of it.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class VelaCacheConfiguration<K, V> extends MutableConfiguration<K, V> {
  private static final long serialVersionUID = 1L;

  private transient Copier copier;

  /** The spec's defaults: untyped, store-by-value with the default copier, no expiry. */
  public VelaCacheConfiguration() {}

  /** A copy of {@code configuration}, keeping its copier when it is a Vela one. */
  public VelaCacheConfiguration(CompleteConfiguration<K, V> configuration) {
    super(configuration);
    if (configuration instanceof VelaCacheConfiguration<K, V> vela) {
      this.copier = vela.copier;
    }
  }

  /** The copier of a store-by-value cache, or null for the default one. */
  public Copier getCopier() {
    return copier;
  }

  /**
   * Copies keys and values with {@code copier} when the cache stores by value.
   *
   * @return this configuration
   */
  public VelaCacheConfiguration<K, V> setCopier(Copier copier) {
    this.copier = Objects.requireNonNull(copier, "copier");
    return this;
  }
}
