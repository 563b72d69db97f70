package dev.vela.benchmarks;

import dev.vela.codec.Codec;
import dev.vela.codec.CodecException;
import dev.vela.codec.CodecInput;
import dev.vela.codec.CodecOutput;
import dev.vela.codec.Codecs;

/** The codec of {@link Product}, written as the annotation processor generates record codecs. */
public final class ProductCodec implements Codec<Product> {
  private static final Codec<String> SKU = Codecs.nullable(Codecs.STRING);
  private static final Codec<String> NAME = Codecs.nullable(Codecs.STRING);
  private static final Codec<Long> PRICE_CENTS = Codecs.LONG;
  private static final Codec<Integer> STOCK = Codecs.INT;

  @Override
  public void encode(Product value, CodecOutput out) {
    SKU.encode(value.sku(), out);
    NAME.encode(value.name(), out);
    PRICE_CENTS.encode(value.priceCents(), out);
    STOCK.encode(value.stock(), out);
  }

  @Override
  public Product decode(CodecInput in) {
    in.enter();
    String sku = SKU.decode(in);
    String name = NAME.decode(in);
    long priceCents = PRICE_CENTS.decode(in);
    int stock = STOCK.decode(in);
    in.exit();
    try {
      return new Product(sku, name, priceCents, stock);
    } catch (RuntimeException e) {
      throw new CodecException("dev.vela.benchmarks.Product refused its components: " + e.getMessage(), e);
    }
  }

  @Override
  public String shape() {
    return "record dev.vela.benchmarks.Product(nullable<string> sku,nullable<string> name,long priceCents,int stock)";
  }
}
