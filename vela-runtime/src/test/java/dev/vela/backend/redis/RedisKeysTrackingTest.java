package dev.vela.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which keys that client tracking reports are entries of a cache, on one server and on a cluster. */
class RedisKeysTrackingTest {

  @Test
  void onOneServerOnlyTheCachesEntryKeysAreTrackedAndNamed() {
    RedisKeys keys = new RedisKeys("orders");

    assertThat(keys.trackingPrefix()).isEqualTo("vela:{orders}:e:");
    assertThat(keys.entryIdOf(keys.entry("abc"))).isEqualTo("abc");
    assertThat(keys.entryIdOf(RedisKeys.bytes("vela:{orders}:x"))).isNull();
  }

  @Test
  void onAClusterOnePrefixCoversEveryBucketAndOnlyEntriesOfThisCacheAreNamed() {
    RedisKeys keys = new RedisKeys("orders", RedisKeys.CLUSTER_BUCKETS);
    RedisKeys longerName = new RedisKeys("orders:7", RedisKeys.CLUSTER_BUCKETS);

    assertThat(keys.trackingPrefix()).isEqualTo("vela:{orders:");
    for (String id : new String[] {"abc", "a2V5", "eA"}) {
      byte[] entry = keys.entry(id);
      assertThat(RedisKeys.text(entry)).startsWith(keys.trackingPrefix());
      assertThat(keys.entryIdOf(entry)).isEqualTo(id);
      // another cache whose name starts with this one's: under the prefix, but not an entry of ours
      assertThat(RedisKeys.text(longerName.entry(id))).startsWith(keys.trackingPrefix());
      assertThat(keys.entryIdOf(longerName.entry(id))).isNull();
      assertThat(keys.entryIdOf(keys.lock(id))).isNull();
    }
    assertThat(keys.entryIdOf(keys.index(3))).isNull();
    // an id whose bucket is not the one in the hash tag is not one of ours
    int bucket = keys.bucketOf("abc");
    assertThat(keys.entryIdOf(RedisKeys.bytes("vela:{orders:" + (bucket + 1) % 256 + "}:e:abc"))).isNull();
  }
}
