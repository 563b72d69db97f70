package dev.vela.benchmarks;

/**
 * The small value of {@link TopologyBench}: four fields, about 60 bytes encoded. Vela stores it
 * with {@link ProductCodec}, Hazelcast with {@link ProductCompactSerializer}; neither uses Java
 * serialization.
 *
 * @param sku the product's stock-keeping unit
 * @param name its display name
 * @param priceCents its price in cents
 * @param stock how many are in stock
 */
public record Product(String sku, String name, long priceCents, int stock) {

  /** The product numbered {@code i}, the same in every benchmark. */
  static Product numbered(int i) {
    return new Product("SKU-" + i, "Product " + i + ", a value of a few dozen bytes", 1_999L + i, i % 100);
  }
}
