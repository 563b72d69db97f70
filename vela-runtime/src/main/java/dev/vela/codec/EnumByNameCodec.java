package dev.vela.codec;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An enum constant by its name, written as a string. Adding or reordering constants keeps old bytes
 * readable, so the shape is the type's name alone; a name the enum no longer has is a decode error.
 */
final class EnumByNameCodec<E extends Enum<E>> implements Codec<E> {
  private final String typeName;
  private final Map<String, E> byName;
  /** The constants by ordinal, to tell a constant of this codec from a stranger at once. */
  private final Object[] byOrdinal;
  /** Each constant's encoded name, by ordinal, written as is to spare re-encoding the string. */
  private final byte[][] encodedByOrdinal;

  EnumByNameCodec(String typeName, E[] constants) {
    this.typeName = typeName;
    this.byName = new HashMap<>(Elements.hashCapacity(constants.length));
    int ordinals = 0;
    for (E constant : constants) {
      Objects.requireNonNull(constant, () -> "the constants of " + typeName + " must not hold null");
      ordinals = Math.max(ordinals, constant.ordinal() + 1);
      if (byName.put(constant.name(), constant) != null) {
        throw new IllegalArgumentException("the constants of " + typeName + " hold " + constant.name() + " twice");
      }
    }
    this.byOrdinal = new Object[ordinals];
    this.encodedByOrdinal = new byte[ordinals][];
    for (E constant : constants) {
      byOrdinal[constant.ordinal()] = constant;
      CodecOutput out = new CodecOutput(constant.name().length() + 5);
      out.writeString(constant.name());
      encodedByOrdinal[constant.ordinal()] = out.toByteArray();
    }
  }

  @Override
  public void encode(E value, CodecOutput out) {
    int ordinal = value.ordinal();
    if (ordinal >= byOrdinal.length || byOrdinal[ordinal] != value) {
      throw new IllegalArgumentException(value + " is not one of the constants this codec of " + typeName + " was given");
    }
    byte[] encoded = encodedByOrdinal[ordinal];
    out.writeRaw(encoded, 0, encoded.length);
  }

  @Override
  public E decode(CodecInput in) {
    String name = in.readString();
    E constant = byName.get(name);
    if (constant == null) {
      throw new CodecException(typeName + " has no constant named \"" + abbreviate(name)
          + "\"; it was renamed or removed after the value was written");
    }
    return constant;
  }

  @Override
  public String shape() {
    return "enum " + typeName;
  }

  @Override
  public String toString() {
    return shape();
  }

  private static String abbreviate(String name) {
    return name.length() <= 80 ? name : name.substring(0, 80) + "...";
  }
}
