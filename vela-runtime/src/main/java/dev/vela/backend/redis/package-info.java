/**
 * The REDIS backend, on Lettuce (an optional dependency of vela-runtime). {@link
 * dev.vela.backend.redis.RedisBackend} stores a cache's entries as framed codec bytes under keys
 * namespaced by the cache's name, keeps an expiry index and tag sets beside them with Lua scripts,
 * and offers a fetch coordinator that lets one process of many fetch a missing key. One
 * connection per Redis URL serves every cache of the JVM.
 */
package dev.vela.backend.redis;
