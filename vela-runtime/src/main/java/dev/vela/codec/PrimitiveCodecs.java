package dev.vela.codec;

/**
 * Codecs of the eight primitive types, which serve their boxes too. Integers are zig-zag varints
 * (small values of either sign take one byte), {@code char} an unsigned varint, {@code byte} and
 * {@code boolean} one byte, and floating point numbers their IEEE bits, little-endian. Every NaN is
 * written as the canonical NaN, so values that are {@code equals} encode alike.
 */
final class PrimitiveCodecs {
  static final Codec<Boolean> BOOLEAN = new ScalarCodec<>("boolean",
      (value, out) -> out.writeBoolean(value), CodecInput::readBoolean);

  static final Codec<Byte> BYTE = new ScalarCodec<>("byte",
      (value, out) -> out.writeByte(value), in -> (byte) in.readUnsignedByte());

  static final Codec<Short> SHORT = new ScalarCodec<>("short",
      (value, out) -> out.writeZigZagInt(value), PrimitiveCodecs::readShort);

  static final Codec<Character> CHAR = new ScalarCodec<>("char",
      (value, out) -> out.writeVarInt(value), PrimitiveCodecs::readChar);

  static final Codec<Integer> INT = new ScalarCodec<>("int",
      (value, out) -> out.writeZigZagInt(value), CodecInput::readZigZagInt);

  static final Codec<Long> LONG = new ScalarCodec<>("long",
      (value, out) -> out.writeZigZagLong(value), CodecInput::readZigZagLong);

  static final Codec<Float> FLOAT = new ScalarCodec<>("float",
      (value, out) -> out.writeInt(Float.floatToIntBits(value)), in -> Float.intBitsToFloat(in.readInt()));

  static final Codec<Double> DOUBLE = new ScalarCodec<>("double",
      (value, out) -> out.writeLong(Double.doubleToLongBits(value)), in -> Double.longBitsToDouble(in.readLong()));

  private PrimitiveCodecs() {}

  private static short readShort(CodecInput in) {
    int value = in.readZigZagInt();
    if (value != (short) value) {
      throw new CodecException("expected a short, found " + value);
    }
    return (short) value;
  }

  private static char readChar(CodecInput in) {
    int value = in.readVarInt();
    if (value < 0 || value > Character.MAX_VALUE) {
      throw new CodecException("expected a char (0 to 65535), found " + Integer.toUnsignedString(value));
    }
    return (char) value;
  }
}
