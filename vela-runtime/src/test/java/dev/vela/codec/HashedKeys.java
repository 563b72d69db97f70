package dev.vela.codec;

import dev.vela.codec.SampleTypes.Color;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A fixed set of keys, by label, with the unframed encodings that the ring hashes: strings in
 * several scripts, a composite key holding an enum by name, UUIDs and longs.
 */
final class HashedKeys {
  /** A composite key as a generated record codec would write it: tenant, colour by name, id. */
  record TenantKey(String tenant, Color color, long id) {}

  static final Codec<TenantKey> TENANT_KEY = new Codec<>() {
    @Override
    public void encode(TenantKey value, CodecOutput out) {
      Codecs.STRING.encode(value.tenant(), out);
      SampleTypes.COLOR.encode(value.color(), out);
      Codecs.LONG.encode(value.id(), out);
    }

    @Override
    public TenantKey decode(CodecInput in) {
      in.enter();
      TenantKey key = new TenantKey(Codecs.STRING.decode(in), SampleTypes.COLOR.decode(in), Codecs.LONG.decode(in));
      in.exit();
      return key;
    }

    @Override
    public String shape() {
      return "record dev.vela.codec.HashedKeys.TenantKey(string tenant,enum dev.vela.codec.SampleTypes.Color color,long id)";
    }
  };

  private HashedKeys() {}

  /** Each key's label and encoding, in a fixed order. */
  static Map<String, byte[]> encodings() {
    Map<String, byte[]> keys = new LinkedHashMap<>();
    keys.put("string:empty", Codecs.encode(Codecs.STRING, ""));
    keys.put("string:ascii", Codecs.encode(Codecs.STRING, "user:42"));
    keys.put("string:latin", Codecs.encode(Codecs.STRING, "Grüße, Zoë"));
    keys.put("string:cjk", Codecs.encode(Codecs.STRING, "東京都"));
    keys.put("string:emoji", Codecs.encode(Codecs.STRING, "cache \uD83D\uDE80 key"));
    keys.put("string:long", Codecs.encode(Codecs.STRING, "a key long enough to pass the 32-byte stripes of the hash, twice over"));
    keys.put("composite:red", Codecs.encode(TENANT_KEY, new TenantKey("acme", Color.RED, 7)));
    keys.put("composite:blue", Codecs.encode(TENANT_KEY, new TenantKey("acme", Color.BLUE, -7)));
    keys.put("enum:green", Codecs.encode(SampleTypes.COLOR, Color.GREEN));
    keys.put("uuid:nil", Codecs.encode(Codecs.UUID, new UUID(0, 0)));
    keys.put("uuid:fixed", Codecs.encode(Codecs.UUID, UUID.fromString("123e4567-e89b-12d3-a456-426614174000")));
    keys.put("long:zero", Codecs.encode(Codecs.LONG, 0L));
    keys.put("long:minus-one", Codecs.encode(Codecs.LONG, -1L));
    keys.put("long:42", Codecs.encode(Codecs.LONG, 42L));
    keys.put("long:min", Codecs.encode(Codecs.LONG, Long.MIN_VALUE));
    keys.put("long:max", Codecs.encode(Codecs.LONG, Long.MAX_VALUE));
    return keys;
  }

  /** Each key's label and {@link StableHash} as 16 hex digits, in the same order. */
  static Map<String, String> hashes() {
    Map<String, String> hashes = new LinkedHashMap<>();
    encodings().forEach((label, bytes) -> hashes.put(label, String.format("%016x", StableHash.hash64(bytes))));
    return hashes;
  }
}
