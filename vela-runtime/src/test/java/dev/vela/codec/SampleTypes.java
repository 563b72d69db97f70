package dev.vela.codec;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Records, an enum and a sealed interface with codecs written the way the annotation processor
 * generates them: component codecs in static fields, {@code enter()}/{@code exit()} around the
 * components, and the canonical constructor's complaints turned into {@link CodecException}.
 */
final class SampleTypes {
  private SampleTypes() {}

  enum Color { RED, GREEN, BLUE }

  record LineItem(String sku, int quantity, BigDecimal price) {
    LineItem {
      if (quantity < 0) {
        throw new IllegalArgumentException("quantity must not be negative");
      }
    }
  }

  record Order(UUID id, String customer, long version, Instant placedAt, Color status, List<LineItem> lines,
      BigDecimal total, Map<String, String> attributes) {}

  sealed interface Shape permits Circle, Square {}

  record Circle(double radius) implements Shape {}

  record Square(double side) implements Shape {}

  /** A recursive type: its codec refers to itself through a list. */
  record Tree(String label, List<Tree> children) {}

  /** A record without components, which encodes to no bytes at all. */
  record Unit() {}

  static final Codec<Color> COLOR = Codecs.enumByName("dev.vela.codec.SampleTypes.Color", Color.values());

  static final class LineItemCodec implements Codec<LineItem> {
    private static final Codec<String> SKU = Codecs.nullable(Codecs.STRING);
    private static final Codec<Integer> QUANTITY = Codecs.INT;
    private static final Codec<BigDecimal> PRICE = Codecs.nullable(Codecs.BIG_DECIMAL);

    @Override
    public void encode(LineItem value, CodecOutput out) {
      SKU.encode(value.sku(), out);
      QUANTITY.encode(value.quantity(), out);
      PRICE.encode(value.price(), out);
    }

    @Override
    public LineItem decode(CodecInput in) {
      in.enter();
      String sku = SKU.decode(in);
      int quantity = QUANTITY.decode(in);
      BigDecimal price = PRICE.decode(in);
      in.exit();
      try {
        return new LineItem(sku, quantity, price);
      } catch (RuntimeException e) {
        throw new CodecException("dev.vela.codec.SampleTypes.LineItem refused its components: " + e.getMessage());
      }
    }

    @Override
    public String shape() {
      return "record dev.vela.codec.SampleTypes.LineItem(nullable<string> sku,int quantity,nullable<bigdecimal> price)";
    }
  }

  static final class OrderCodec implements Codec<Order> {
    private static final Codec<UUID> ID = Codecs.nullable(Codecs.UUID);
    private static final Codec<String> CUSTOMER = Codecs.nullable(Codecs.STRING);
    private static final Codec<Long> VERSION = Codecs.LONG;
    private static final Codec<Instant> PLACED_AT = Codecs.nullable(Codecs.INSTANT);
    private static final Codec<Color> STATUS = Codecs.nullable(COLOR);
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
      Color status = STATUS.decode(in);
      List<LineItem> lines = LINES.decode(in);
      BigDecimal total = TOTAL.decode(in);
      Map<String, String> attributes = ATTRIBUTES.decode(in);
      in.exit();
      return new Order(id, customer, version, placedAt, status, lines, total, attributes);
    }

    @Override
    public String shape() {
      return "record dev.vela.codec.SampleTypes.Order(nullable<uuid> id,nullable<string> customer,long version,"
          + "nullable<instant> placedAt,nullable<enum dev.vela.codec.SampleTypes.Color> status,"
          + "nullable<list<nullable<record dev.vela.codec.SampleTypes.LineItem>>> lines,nullable<bigdecimal> total,"
          + "nullable<map<nullable<string>,nullable<string>>> attributes)";
    }
  }

  static final class CircleCodec implements Codec<Circle> {
    @Override
    public void encode(Circle value, CodecOutput out) {
      Codecs.DOUBLE.encode(value.radius(), out);
    }

    @Override
    public Circle decode(CodecInput in) {
      in.enter();
      double radius = Codecs.DOUBLE.decode(in);
      in.exit();
      return new Circle(radius);
    }

    @Override
    public String shape() {
      return "record dev.vela.codec.SampleTypes.Circle(double radius)";
    }
  }

  static final class SquareCodec implements Codec<Square> {
    @Override
    public void encode(Square value, CodecOutput out) {
      Codecs.DOUBLE.encode(value.side(), out);
    }

    @Override
    public Square decode(CodecInput in) {
      in.enter();
      double side = Codecs.DOUBLE.decode(in);
      in.exit();
      return new Square(side);
    }

    @Override
    public String shape() {
      return "record dev.vela.codec.SampleTypes.Square(double side)";
    }
  }

  static final Codec<Shape> SHAPE = Codecs.sealed("dev.vela.codec.SampleTypes.Shape",
      Codecs.variant("Circle", Circle.class, new CircleCodec()),
      Codecs.variant("Square", Square.class, new SquareCodec()));

  static final class TreeCodec implements Codec<Tree> {
    static final TreeCodec INSTANCE = new TreeCodec();
    // the record refers to itself: the list's element codec is this codec, reached lazily
    private static final Codec<String> LABEL = Codecs.nullable(Codecs.STRING);
    private static final Codec<List<Tree>> CHILDREN = Codecs.nullable(Codecs.list(Codecs.nullable(Codecs.lazy(() -> INSTANCE))));

    @Override
    public void encode(Tree value, CodecOutput out) {
      LABEL.encode(value.label(), out);
      CHILDREN.encode(value.children(), out);
    }

    @Override
    public Tree decode(CodecInput in) {
      in.enter();
      String label = LABEL.decode(in);
      List<Tree> children = CHILDREN.decode(in);
      in.exit();
      return new Tree(label, children);
    }

    @Override
    public String shape() {
      // an already seen record is named, not spelled out again, so the shape stays finite
      return "record dev.vela.codec.SampleTypes.Tree(nullable<string> label,"
          + "nullable<list<nullable<record dev.vela.codec.SampleTypes.Tree>>> children)";
    }
  }

  static final class UnitCodec implements Codec<Unit> {
    @Override
    public void encode(Unit value, CodecOutput out) {
      Objects.requireNonNull(value);
    }

    @Override
    public Unit decode(CodecInput in) {
      return new Unit();
    }

    @Override
    public String shape() {
      return "record dev.vela.codec.SampleTypes.Unit()";
    }
  }

  static Order randomOrder(RandomValues values) {
    return new Order(
        values.chance(5) ? null : values.aUuid(),
        values.chance(5) ? null : values.aString(),
        values.aLong(),
        values.chance(5) ? null : values.anInstant(),
        values.chance(5) ? null : values.pick(Color.values()),
        values.chance(5) ? null : values.listOf(5, v -> v.chance(5) ? null
            : new LineItem(v.chance(5) ? null : v.aString(), v.nextInt(1000), v.chance(5) ? null : v.aBigDecimal())),
        values.chance(5) ? null : values.aBigDecimal(),
        values.chance(5) ? null : randomAttributes(values));
  }

  static Tree randomTree(RandomValues values, int depth) {
    List<Tree> children = depth == 0 || values.chance(20) ? null : values.listOf(3, v -> randomTree(v, depth - 1));
    return new Tree(values.chance(10) ? null : values.aString(), children);
  }

  private static Map<String, String> randomAttributes(RandomValues values) {
    Map<String, String> attributes = new java.util.LinkedHashMap<>();
    int size = values.nextInt(4);
    for (int i = 0; i < size; i++) {
      attributes.put(values.chance(10) ? null : values.aString(), values.chance(10) ? null : values.aString());
    }
    return attributes;
  }
}
