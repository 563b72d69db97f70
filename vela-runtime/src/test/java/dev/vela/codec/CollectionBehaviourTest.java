package dev.vela.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Decoded collections keep order and nulls, and cannot be changed. */
class CollectionBehaviourTest {

  @Test
  void aListKeepsOrderAndNullsAndIsUnmodifiable() {
    Codec<List<String>> codec = Codecs.list(Codecs.nullable(Codecs.STRING));
    List<String> decoded = Codecs.decode(codec, Codecs.encode(codec, Arrays.asList("b", null, "a", null)));
    assertThat(decoded).containsExactly("b", null, "a", null);
    assertThatThrownBy(() -> decoded.add("c")).isInstanceOf(UnsupportedOperationException.class);
    assertThat(Codecs.decode(codec, Codecs.encode(codec, List.of()))).isEmpty();
  }

  @Test
  void aSetKeepsItsIterationOrderAndANull() {
    Codec<Set<String>> codec = Codecs.set(Codecs.nullable(Codecs.STRING));
    Set<String> descending = new TreeSet<>(Comparator.nullsFirst(Comparator.<String>reverseOrder()));
    descending.addAll(Arrays.asList("a", "c", "b", null));
    Set<String> decoded = Codecs.decode(codec, Codecs.encode(codec, descending));
    assertThat(decoded).containsExactly(null, "c", "b", "a");
    assertThat(decoded.contains(null)).isTrue();
    assertThatThrownBy(() -> decoded.remove("a")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aMapKeepsItsIterationOrderAndNullValues() {
    Codec<Map<String, Integer>> codec = Codecs.map(Codecs.STRING, Codecs.nullable(Codecs.INT));
    Map<String, Integer> map = new LinkedHashMap<>();
    map.put("z", 1);
    map.put("a", null);
    map.put("m", 3);
    Map<String, Integer> decoded = Codecs.decode(codec, Codecs.encode(codec, map));
    assertThat(decoded).containsExactly(entry("z", 1), entry("a", null), entry("m", 3));
    assertThatThrownBy(() -> decoded.put("b", 2)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void valuesNestToTheDepthLimit() {
    // a tree alternates a record and a list, two levels per generation
    SampleTypes.Tree tree = new SampleTypes.Tree("leaf", null);
    int generations = CodecInput.MAX_DEPTH / 2;
    for (int i = 1; i < generations; i++) {
      tree = new SampleTypes.Tree("level " + i, List.of(tree));
    }
    RoundTrips.check(SampleTypes.TreeCodec.INSTANCE, tree);
    SampleTypes.Tree tooDeep = new SampleTypes.Tree("root", List.of(tree));
    byte[] bytes = Codecs.encode(SampleTypes.TreeCodec.INSTANCE, tooDeep);
    assertThatThrownBy(() -> Codecs.decode(SampleTypes.TreeCodec.INSTANCE, bytes))
        .isInstanceOf(CodecException.class).hasMessageContaining("nest deeper than 64");
  }

  @Test
  void anInputCanBeReadAgainAfterAFailedDecode() {
    // depth bookkeeping belongs to one CodecInput; a failure leaves no trace in the next decode
    Codec<List<List<Integer>>> codec = Codecs.list(Codecs.list(Codecs.INT));
    byte[] good = Codecs.encode(codec, List.of(List.of(1)));
    assertThatThrownBy(() -> Codecs.decode(codec, Arrays.copyOf(good, good.length - 1))).isInstanceOf(CodecException.class);
    assertThat(Codecs.decode(codec, good)).containsExactly(List.of(1));
  }
}
