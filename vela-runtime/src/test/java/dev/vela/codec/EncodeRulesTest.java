package dev.vela.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vela.codec.SampleTypes.Circle;
import dev.vela.codec.SampleTypes.Color;
import dev.vela.codec.SampleTypes.Square;
import dev.vela.codec.SampleTypes.Unit;
import java.math.BigDecimal;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Values a codec cannot write, and codecs that cannot be built, are refused with a useful message. */
class EncodeRulesTest {

  @Test
  void nullIsWrittenOnlyWhereTheCodecIsNullable() {
    assertThatThrownBy(() -> Codecs.encode(Codecs.INT, null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("int cannot write").hasMessageContaining("nullable");
    assertThatThrownBy(() -> Codecs.toBytes(Codecs.STRING, null)).isInstanceOf(NullPointerException.class);
    assertThat(Codecs.encode(Codecs.nullable(Codecs.INT), null)).containsExactly(0);
    assertThat(Codecs.encode(Codecs.lazy(() -> Codecs.nullable(Codecs.INT)), null)).containsExactly(0);

    List<String> withNull = Arrays.asList("a", null);
    assertThatThrownBy(() -> Codecs.encode(Codecs.list(Codecs.STRING), withNull))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("element 1 of a list<string> is null");
    Map<String, Integer> nullKey = new HashMap<>();
    nullKey.put(null, 1);
    assertThatThrownBy(() -> Codecs.encode(Codecs.map(Codecs.STRING, Codecs.INT), nullKey))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("map<string,int>");
  }

  @Test
  void aBigDecimalScaleOutsideTheLimitCannotBeWritten() {
    BigDecimal tiny = new BigDecimal(BigDecimal.ONE.unscaledValue(), 10_001);
    assertThatThrownBy(() -> Codecs.encode(Codecs.BIG_DECIMAL, tiny))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scale 10001").hasMessageContaining("setScale");
    assertThat(Codecs.decode(Codecs.BIG_DECIMAL, Codecs.encode(Codecs.BIG_DECIMAL, tiny.setScale(10_000, java.math.RoundingMode.HALF_EVEN))))
        .isEqualByComparingTo(BigDecimal.ZERO);
  }

  @Test
  void elementsThatEncodeToNoBytesCannotBeCounted() {
    Codec<List<Unit>> units = Codecs.list(new SampleTypes.UnitCodec());
    assertThat(Codecs.encode(units, List.of())).containsExactly(0);
    assertThatThrownBy(() -> Codecs.encode(units, List.of(new Unit())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("encodes to no bytes");
  }

  @Test
  void aCollectionThatChangesWhileWrittenIsRefusedRatherThanWrittenCorrupt() {
    List<Integer> shrinking = new AbstractList<>() {
      @Override
      public Integer get(int index) {
        return index;
      }

      @Override
      public int size() {
        return 3;
      }

      @Override
      public java.util.Iterator<Integer> iterator() {
        return List.of(1, 2).iterator(); // fewer than size() promised
      }
    };
    assertThatThrownBy(() -> Codecs.encode(Codecs.list(Codecs.INT), shrinking))
        .isInstanceOf(ConcurrentModificationException.class).hasMessageContaining("size 3 yielded 2");
  }

  @Test
  void valuesOutsideAnEnumOrSealedCodecAreRefused() {
    Codec<Color> redOnly = Codecs.enumByName("dev.vela.codec.SampleTypes.Color", new Color[] {Color.RED});
    assertThatThrownBy(() -> Codecs.encode(redOnly, Color.GREEN))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GREEN is not one of the constants");
    Codec<SampleTypes.Shape> circlesOnly = Codecs.sealed("dev.vela.codec.SampleTypes.Shape",
        Codecs.variant("Circle", Circle.class, new SampleTypes.CircleCodec()));
    assertThatThrownBy(() -> Codecs.encode(circlesOnly, new Square(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SampleTypes$Square is none of the variants");
  }

  @Test
  void factoriesCheckTheirArguments() {
    assertThatThrownBy(() -> Codecs.nullable(null)).isInstanceOf(NullPointerException.class).hasMessage("codec");
    assertThatThrownBy(() -> Codecs.list(null)).isInstanceOf(NullPointerException.class).hasMessage("element codec");
    assertThatThrownBy(() -> Codecs.map(Codecs.INT, null)).isInstanceOf(NullPointerException.class).hasMessage("value codec");
    assertThatThrownBy(() -> Codecs.enumByName(" ", Color.values()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("typeName must name the type");
    assertThatThrownBy(() -> Codecs.enumByName("x.Color", new Color[] {Color.RED, Color.RED}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RED twice");
    assertThatThrownBy(() -> Codecs.sealed("x.Shape"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one variant");
    assertThatThrownBy(() -> Codecs.sealed("x.Shape",
            Codecs.variant("A", Circle.class, new SampleTypes.CircleCodec()),
            Codecs.variant("A", Square.class, new SampleTypes.SquareCodec())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two variants tagged \"A\"");
    assertThatThrownBy(() -> Codecs.variant("", Circle.class, new SampleTypes.CircleCodec()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be blank");
    assertThatThrownBy(() -> Codecs.encode(Codecs.lazy(() -> null), 1))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("supplier of a lazy codec returned null");
  }

  @Test
  void wrappingANullableCodecAgainChangesNothing() {
    Codec<String> once = Codecs.nullable(Codecs.STRING);
    assertThat(Codecs.nullable(once)).isSameAs(once);
  }
}
