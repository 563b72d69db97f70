/**
 * The REDIS backend, on Lettuce (an optional dependency of vela-runtime). {@link
 * dev.vela.backend.redis.RedisBackend} stores a cache's entries as framed codec bytes under keys
 * namespaced by the cache's name, keeps an expiry index and tag sets beside them with Lua scripts
 * (conditional writes included, one script each), and offers a fetch coordinator that lets one
 * process of many fetch a missing key and key locks that make transactions exclude other
 * processes. One connection per Redis URL (one server, or its primary found through Sentinel) or
 * per Redis Cluster serves every cache of the JVM; on a cluster a cache is split into buckets
 * spread over every shard.
 */
package dev.vela.backend.redis;
