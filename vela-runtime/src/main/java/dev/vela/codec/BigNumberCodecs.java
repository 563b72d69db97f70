package dev.vela.codec;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Codecs of {@link BigInteger} (its shortest two's-complement bytes, length first) and {@link
 * BigDecimal} (its scale as a zig-zag varint, then its unscaled value as a BigInteger). A decoded
 * number is never larger than its bytes. The scale is held to {@value #MAX_SCALE} either way,
 * because a scale near {@code Integer.MIN_VALUE} in a few hostile bytes would make {@code
 * toPlainString()} or {@code toBigInteger()} allocate gigabytes later; real amounts, measurements
 * and even {@code new BigDecimal(Double.MIN_VALUE)} (scale 1074) stay far inside it.
 */
final class BigNumberCodecs {
  /** The largest scale, and the negation of the smallest, that a BigDecimal may have. */
  static final int MAX_SCALE = 10_000;

  static final Codec<BigInteger> BIG_INTEGER = new ScalarCodec<>("biginteger",
      (value, out) -> out.writeBytes(value.toByteArray()), BigNumberCodecs::readBigInteger);

  static final Codec<BigDecimal> BIG_DECIMAL = new ScalarCodec<>("bigdecimal",
      BigNumberCodecs::writeBigDecimal, BigNumberCodecs::readBigDecimal);

  private BigNumberCodecs() {}

  private static BigInteger readBigInteger(CodecInput in) {
    byte[] bytes = in.readBytes();
    if (bytes.length == 0) {
      throw new CodecException("a biginteger needs at least one byte, found none");
    }
    // toByteArray() is minimal; refusing redundant sign bytes keeps one encoding per number
    if (bytes.length > 1 && (bytes[0] == 0 && bytes[1] >= 0 || bytes[0] == -1 && bytes[1] < 0)) {
      throw new CodecException("biginteger bytes start with a redundant sign byte");
    }
    return new BigInteger(bytes);
  }

  private static void writeBigDecimal(BigDecimal value, CodecOutput out) {
    int scale = value.scale();
    if (scale > MAX_SCALE || scale < -MAX_SCALE) {
      throw new IllegalArgumentException("BigDecimal " + value + " has scale " + scale + ", outside the +-" + MAX_SCALE
          + " that codecs store; round it with setScale(...) before caching it");
    }
    out.writeZigZagInt(scale);
    BIG_INTEGER.encode(value.unscaledValue(), out);
  }

  private static BigDecimal readBigDecimal(CodecInput in) {
    int scale = in.readZigZagInt();
    if (scale > MAX_SCALE || scale < -MAX_SCALE) {
      throw new CodecException("bigdecimal scale " + scale + " is outside +-" + MAX_SCALE);
    }
    return new BigDecimal(readBigInteger(in), scale);
  }
}
