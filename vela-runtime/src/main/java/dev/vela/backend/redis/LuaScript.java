package dev.vela.backend.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A Lua script run on the Redis server, so that an entry, its expiry index and its tag sets change
 * together.
 *
 * @param name what the script does, for messages
 * @param source the Lua source
 * @param sha its SHA-1 digest, which EVALSHA names it by
 */
record LuaScript(String name, String source, String sha) {

  /** A script with its digest computed. */
  static LuaScript of(String name, String source) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
      return new LuaScript(name, source, HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-1", e);
    }
  }
}
