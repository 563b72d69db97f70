package dev.vela.benchmarks;

import dev.vela.codec.Codec;
import dev.vela.codec.CodecException;
import dev.vela.codec.CodecInput;
import dev.vela.codec.CodecOutput;
import dev.vela.codec.Codecs;
import java.math.BigDecimal;

/**
 * The codec of {@link LineItem}, written exactly as the annotation processor generates record
 * codecs: component codecs in static fields, reference components nullable, {@code enter()} and
 * {@code exit()} around the components, and the constructor's complaints turned into a {@link
 * CodecException}.
 */
public final class LineItemCodec implements Codec<LineItem> {
  private static final Codec<String> SKU = Codecs.nullable(Codecs.STRING);
  private static final Codec<Integer> QUANTITY = Codecs.INT;
  private static final Codec<BigDecimal> UNIT_PRICE = Codecs.nullable(Codecs.BIG_DECIMAL);

  @Override
  public void encode(LineItem value, CodecOutput out) {
    SKU.encode(value.sku(), out);
    QUANTITY.encode(value.quantity(), out);
    UNIT_PRICE.encode(value.unitPrice(), out);
  }

  @Override
  public LineItem decode(CodecInput in) {
    in.enter();
    String sku = SKU.decode(in);
    int quantity = QUANTITY.decode(in);
    BigDecimal unitPrice = UNIT_PRICE.decode(in);
    in.exit();
    try {
      return new LineItem(sku, quantity, unitPrice);
    } catch (RuntimeException e) {
      throw new CodecException("dev.vela.benchmarks.LineItem refused its components: " + e.getMessage(), e);
    }
  }

  @Override
  public String shape() {
    return "record dev.vela.benchmarks.LineItem(nullable<string> sku,int quantity,nullable<bigdecimal> unitPrice)";
  }
}
