package dev.vela.testing;

import dev.vela.codec.Codec;
import dev.vela.codec.CodecInput;
import dev.vela.codec.CodecOutput;
import dev.vela.codec.TypeCodec;

/** The few codecs the runtime's tests need, independent of the built-in ones. */
public final class TestCodecs {
  private TestCodecs() {}

  /** Strings as UTF-8. */
  public static final Codec<String> STRING = new Codec<>() {
    @Override
    public void encode(String value, CodecOutput out) {
      out.writeString(value);
    }

    @Override
    public String decode(CodecInput in) {
      return in.readString();
    }

    @Override
    public String shape() {
      return "string";
    }
  };

  /** Integers as zig-zag varints. */
  public static final Codec<Integer> INTEGER = new Codec<>() {
    @Override
    public void encode(Integer value, CodecOutput out) {
      out.writeZigZagLong(value);
    }

    @Override
    public Integer decode(CodecInput in) {
      return Math.toIntExact(in.readZigZagLong());
    }

    @Override
    public String shape() {
      return "int";
    }
  };

  /** Strings with another shape, standing for a value type that changed since a dump. */
  public static final Codec<String> STRING_V2 = new Codec<>() {
    @Override
    public void encode(String value, CodecOutput out) {
      STRING.encode(value, out);
    }

    @Override
    public String decode(CodecInput in) {
      return STRING.decode(in);
    }

    @Override
    public String shape() {
      return "record test.Renamed(string text)";
    }
  };

  /** String keys or values with a codec. */
  public static TypeCodec<String> string() {
    return TypeCodec.of("java.lang.String", STRING);
  }

  /** Integer keys or values with a codec. */
  public static TypeCodec<Integer> integer() {
    return TypeCodec.of("java.lang.Integer", INTEGER);
  }
}
