package dev.vela.benchmarks;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;

/**
 * Hazelcast's Compact format for {@link Product}, written out by hand so that Hazelcast, like Vela,
 * encodes the value without reflection or Java serialization.
 */
final class ProductCompactSerializer implements CompactSerializer<Product> {

  @Override
  public Product read(CompactReader reader) {
    return new Product(reader.readString("sku"), reader.readString("name"), reader.readInt64("priceCents"),
        reader.readInt32("stock"));
  }

  @Override
  public void write(CompactWriter writer, Product product) {
    writer.writeString("sku", product.sku());
    writer.writeString("name", product.name());
    writer.writeInt64("priceCents", product.priceCents());
    writer.writeInt32("stock", product.stock());
  }

  @Override
  public String getTypeName() {
    return "dev.vela.benchmarks.Product";
  }

  @Override
  public Class<Product> getCompactClass() {
    return Product.class;
  }
}
