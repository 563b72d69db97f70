package dev.vela.benchmarks;

import dev.vela.codec.Codec;
import dev.vela.codec.CodecException;
import dev.vela.codec.CodecInput;
import dev.vela.codec.CodecOutput;
import dev.vela.codec.Codecs;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The codec of {@link Order}, written exactly as the annotation processor generates record codecs. */
public final class OrderCodec implements Codec<Order> {
  private static final Codec<UUID> ID = Codecs.nullable(Codecs.UUID);
  private static final Codec<String> CUSTOMER = Codecs.nullable(Codecs.STRING);
  private static final Codec<Long> VERSION = Codecs.LONG;
  private static final Codec<Instant> PLACED_AT = Codecs.nullable(Codecs.INSTANT);
  private static final Codec<OrderStatus> STATUS =
      Codecs.nullable(Codecs.enumByName("dev.vela.benchmarks.OrderStatus", OrderStatus.values()));
  private static final Codec<List<LineItem>> LINES = Codecs.nullable(Codecs.list(Codecs.nullable(new LineItemCodec())));
  private static final Codec<BigDecimal> TOTAL = Codecs.nullable(Codecs.BIG_DECIMAL);
  private static final Codec<Map<String, String>> ATTRIBUTES =
      Codecs.nullable(Codecs.map(Codecs.nullable(Codecs.STRING), Codecs.nullable(Codecs.STRING)));

  @Override
  public void encode(Order value, CodecOutput out) {
    ID.encode(value.id(), out);
    CUSTOMER.encode(value.customer(), out);
    VERSION.encode(value.version(), out);
    PLACED_AT.encode(value.placedAt(), out);
    STATUS.encode(value.status(), out);
    LINES.encode(value.lines(), out);
    TOTAL.encode(value.total(), out);
    ATTRIBUTES.encode(value.attributes(), out);
  }

  @Override
  public Order decode(CodecInput in) {
    in.enter();
    UUID id = ID.decode(in);
    String customer = CUSTOMER.decode(in);
    long version = VERSION.decode(in);
    Instant placedAt = PLACED_AT.decode(in);
    OrderStatus status = STATUS.decode(in);
    List<LineItem> lines = LINES.decode(in);
    BigDecimal total = TOTAL.decode(in);
    Map<String, String> attributes = ATTRIBUTES.decode(in);
    in.exit();
    try {
      return new Order(id, customer, version, placedAt, status, lines, total, attributes);
    } catch (RuntimeException e) {
      throw new CodecException("dev.vela.benchmarks.Order refused its components: " + e.getMessage(), e);
    }
  }

  @Override
  public String shape() {
    return "record dev.vela.benchmarks.Order(nullable<uuid> id,nullable<string> customer,long version,"
        + "nullable<instant> placedAt,nullable<enum dev.vela.benchmarks.OrderStatus> status,"
        + "nullable<list<nullable<record dev.vela.benchmarks.LineItem>>> lines,nullable<bigdecimal> total,"
        + "nullable<map<nullable<string>,nullable<string>>> attributes)";
  }
}
