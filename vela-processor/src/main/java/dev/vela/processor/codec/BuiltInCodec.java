package dev.vela.processor.codec;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.lang.model.type.TypeKind;

/**
 * The JDK types that {@code dev.vela.codec.Codecs} has a constant for: the constant's name, the
 * type it encodes, and the shape text that generated record shapes use for it. A primitive and its
 * box share one constant.
 */
enum BuiltInCodec {
  BOOLEAN("java.lang.Boolean", "boolean", TypeKind.BOOLEAN),
  BYTE("java.lang.Byte", "byte", TypeKind.BYTE),
  SHORT("java.lang.Short", "short", TypeKind.SHORT),
  CHAR("java.lang.Character", "char", TypeKind.CHAR),
  INT("java.lang.Integer", "int", TypeKind.INT),
  LONG("java.lang.Long", "long", TypeKind.LONG),
  FLOAT("java.lang.Float", "float", TypeKind.FLOAT),
  DOUBLE("java.lang.Double", "double", TypeKind.DOUBLE),
  STRING("java.lang.String", "string", null),
  UUID("java.util.UUID", "uuid", null),
  BIG_DECIMAL("java.math.BigDecimal", "bigdecimal", null),
  BIG_INTEGER("java.math.BigInteger", "biginteger", null),
  INSTANT("java.time.Instant", "instant", null),
  DURATION("java.time.Duration", "duration", null),
  LOCAL_DATE("java.time.LocalDate", "localdate", null),
  LOCAL_TIME("java.time.LocalTime", "localtime", null),
  LOCAL_DATE_TIME("java.time.LocalDateTime", "localdatetime", null),
  OFFSET_DATE_TIME("java.time.OffsetDateTime", "offsetdatetime", null),
  ZONED_DATE_TIME("java.time.ZonedDateTime", "zoneddatetime", null),
  ZONE_ID("java.time.ZoneId", "zoneid", null),
  /** {@code byte[]}, the one array type with a codec; it has no declared type name. */
  BYTE_ARRAY(null, "bytes", null);

  private static final Map<String, BuiltInCodec> BY_TYPE_NAME = Arrays.stream(values())
      .filter(codec -> codec.typeName != null)
      .collect(Collectors.toUnmodifiableMap(codec -> codec.typeName, Function.identity()));

  private final String typeName;
  private final String shape;
  private final TypeKind primitive;

  BuiltInCodec(String typeName, String shape, TypeKind primitive) {
    this.typeName = typeName;
    this.shape = shape;
    this.primitive = primitive;
  }

  /** The built-in codec of the declared type with this qualified name, if there is one. */
  static Optional<BuiltInCodec> forTypeName(String qualifiedName) {
    return Optional.ofNullable(BY_TYPE_NAME.get(qualifiedName));
  }

  /** The built-in codec of a primitive type; every primitive kind has one. */
  static BuiltInCodec forPrimitive(TypeKind kind) {
    return Arrays.stream(values())
        .filter(codec -> codec.primitive == kind)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(kind + " is not a primitive type kind"));
  }

  /** The name of the constant in {@code dev.vela.codec.Codecs}. */
  String constant() {
    return name();
  }

  /** The shape text, such as {@code string}. */
  String shape() {
    return shape;
  }
}
