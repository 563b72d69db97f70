package dev.vela.codec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link Map}: the entry count, then each key and its value in the map's iteration order.
 * Decodes to an unmodifiable map backed by a {@link LinkedHashMap}, keeping that order and any
 * null the key or value codec allows. A repeated key is corrupt input.
 */
final class MapCodec<K, V> implements Codec<Map<K, V>> {
  private final Codec<K> key;
  private final Codec<V> value;
  private String shape;

  MapCodec(Codec<K> key, Codec<V> value) {
    this.key = key;
    this.value = value;
  }

  @Override
  public void encode(Map<K, V> map, CodecOutput out) {
    int size = map.size();
    out.writeLength(size);
    int index = 0;
    for (Map.Entry<K, V> entry : map.entrySet()) {
      Elements.write(key, entry.getKey(), out, this, index);
      Elements.write(value, entry.getValue(), out, this, index++);
    }
    Elements.checkWritten(size, index, this);
  }

  @Override
  public Map<K, V> decode(CodecInput in) {
    in.enter();
    int count = Elements.readCount(in);
    Map<K, V> map = new LinkedHashMap<>(Elements.hashCapacity(count));
    for (int i = 0; i < count; i++) {
      K entryKey = key.decode(in);
      V entryValue = value.decode(in);
      map.put(entryKey, entryValue);
      if (map.size() != i + 1) { // one lookup; put's return value cannot tell a repeat from a null value
        throw new CodecException("a " + shape() + " holds the key of entry " + i + " twice");
      }
    }
    in.exit();
    return Collections.unmodifiableMap(map);
  }

  @Override
  public String shape() {
    String known = shape;
    if (known == null) {
      // computed on first use, as the key or value codec may be lazy; a racing second computation is harmless
      known = "map<" + key.shape() + "," + value.shape() + ">";
      shape = known;
    }
    return known;
  }

  @Override
  public String toString() {
    return shape();
  }
}
