package dev.vela.backend.redis;

/**
 * The Lua scripts of the Redis backend. Every script works on one bucket of a cache (see {@link
 * RedisKeys}; on one server the cache is one bucket): it gets the bucket's expiry index as {@code
 * KEYS[1]} (which routes it to the bucket's slot in a Redis Cluster) and the bucket's key prefix as
 * {@code ARGV[1]}; the other keys it touches it derives from the prefix, all in the same slot
 * thanks to the prefix's hash tag. An entry is live while its score in the index (its expiry time
 * by the cache's clock) is later than the {@code now} passed in and Redis still holds it.
 */
final class Scripts {
  private Scripts() {}

  /** Shared helpers: the state of an entry in the index, removal with its tags, storing. */
  private static final String HELPERS = """
      local function state(p, x, id, now)
        local s = redis.call('zscore', x, id)
        if not s then return nil end
        local n = tonumber(s)
        return (n == nil or n > now) and redis.call('exists', p .. 'e:' .. id) == 1
      end
      local function remove(p, x, id)
        local ek, gk = p .. 'e:' .. id, p .. 'g:' .. id
        local value = redis.call('get', ek)
        for _, t in ipairs(redis.call('smembers', gk)) do redis.call('srem', p .. 't:' .. t, id) end
        redis.call('del', ek, gk)
        redis.call('zrem', x, id)
        return value
      end
      local function store(p, x, id, envelope, px, score, tags, from, to)
        local ek, gk = p .. 'e:' .. id, p .. 'g:' .. id
        for _, t in ipairs(redis.call('smembers', gk)) do redis.call('srem', p .. 't:' .. t, id) end
        redis.call('del', gk)
        if px == '0' then redis.call('set', ek, envelope) else redis.call('set', ek, envelope, 'PX', px) end
        redis.call('zadd', x, score, id)
        for i = from, to do
          redis.call('sadd', p .. 't:' .. tags[i], id)
          redis.call('sadd', gk, tags[i])
        end
      end
      """;

  /** ARGV: prefix, id, envelope, px (0: none), score, tags... */
  static final LuaScript PUT = LuaScript.of("put", HELPERS + """
      store(ARGV[1], KEYS[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV, 6, #ARGV)
      return {}
      """);

  /** ARGV: prefix, then per entry: id, envelope, px, score, tag count, tags... */
  static final LuaScript PUT_ALL = LuaScript.of("putAll", HELPERS + """
      local i = 2
      while i <= #ARGV do
        local tagCount = tonumber(ARGV[i + 4])
        store(ARGV[1], KEYS[1], ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3], ARGV, i + 5, i + 4 + tagCount)
        i = i + 5 + tagCount
      end
      return {}
      """);

  /** ARGV: prefix, id, now. Returns {0} absent, {1} live and removed, {2, value} expired and removed. */
  static final LuaScript DELETE = LuaScript.of("delete", HELPERS + """
      local live = state(ARGV[1], KEYS[1], ARGV[2], tonumber(ARGV[3]))
      if live == nil then return {0} end
      local value = remove(ARGV[1], KEYS[1], ARGV[2])
      if live then return {1} end
      return {2, value}
      """);

  /**
   * The conditional write. ARGV: prefix, id, now, condition ({@code A}lways, {@code N}o entry,
   * {@code P}resent, {@code E}quals), expected framed value bytes (or empty), update ({@code S}tore,
   * {@code D}elete, e{@code X}pire), envelope (for expire: just its 8-byte expiry header), px (0:
   * none), score, keep expiry (1/0), keep tags (1/0), tags... An entry found expired is removed
   * first and counts as absent. A store that keeps the expiry of a live entry keeps its header, its
   * Redis TTL (KEEPTTL) and its index score. Returns {applied 1/0, expired envelope or false,
   * previous envelope or false, previous tags...}.
   */
  static final LuaScript WRITE = LuaScript.of("write", HELPERS + """
      local p, x, id = ARGV[1], KEYS[1], ARGV[2]
      local ek, gk = p .. 'e:' .. id, p .. 'g:' .. id
      local live = state(p, x, id, tonumber(ARGV[3]))
      local expired, old, tags = false, false, {}
      if live == false then expired = remove(p, x, id) or false end
      if live then
        old = redis.call('get', ek)
        tags = redis.call('smembers', gk)
      end
      local c = ARGV[4]
      local holds = c == 'A' or (c == 'N' and not old) or (c == 'P' and old ~= false)
        or (c == 'E' and old ~= false and string.sub(old, 9) == ARGV[5])
      local reply = {holds and 1 or 0, expired, old}
      for _, t in ipairs(tags) do reply[#reply + 1] = t end
      if not holds then return reply end
      local u = ARGV[6]
      if u == 'D' then
        if old then remove(p, x, id) end
      elseif u == 'X' then
        if old then
          local envelope = ARGV[7] .. string.sub(old, 9)
          if ARGV[8] == '0' then redis.call('set', ek, envelope) else redis.call('set', ek, envelope, 'PX', ARGV[8]) end
          redis.call('zadd', x, ARGV[9], id)
        end
      else
        if old and ARGV[10] == '1' then
          redis.call('set', ek, string.sub(old, 1, 8) .. string.sub(ARGV[7], 9), 'KEEPTTL')
        else
          if ARGV[8] == '0' then redis.call('set', ek, ARGV[7]) else redis.call('set', ek, ARGV[7], 'PX', ARGV[8]) end
          redis.call('zadd', x, ARGV[9], id)
        end
        if not (old and ARGV[11] == '1') then
          for _, t in ipairs(redis.call('smembers', gk)) do redis.call('srem', p .. 't:' .. t, id) end
          redis.call('del', gk)
          for i = 12, #ARGV do
            redis.call('sadd', p .. 't:' .. ARGV[i], id)
            redis.call('sadd', gk, ARGV[i])
          end
        end
      end
      return reply
      """);

  /**
   * ARGV: prefix, now, ids... Removes each entry; returns {live count removed, id, value, ...} with
   * the expired ones it came across.
   */
  static final LuaScript DELETE_ALL = LuaScript.of("deleteAll", HELPERS + """
      local now, reply = tonumber(ARGV[2]), {0}
      for i = 3, #ARGV do
        local s = state(ARGV[1], KEYS[1], ARGV[i], now)
        if s ~= nil then
          local value = remove(ARGV[1], KEYS[1], ARGV[i])
          if s then
            reply[1] = reply[1] + 1
          else
            reply[#reply + 1] = ARGV[i]
            reply[#reply + 1] = value
          end
        end
      end
      return reply
      """);

  /** ARGV: prefix, id. Returns {} when absent, else {envelope, tags...}, read together. */
  static final LuaScript ENTRY = LuaScript.of("entry", """
      local value = redis.call('get', ARGV[1] .. 'e:' .. ARGV[2])
      if not value then return {} end
      local reply = {value}
      for _, t in ipairs(redis.call('smembers', ARGV[1] .. 'g:' .. ARGV[2])) do reply[#reply + 1] = t end
      return reply
      """);

  /** ARGV: prefix, ids... Returns one {id, envelope, tags...} per id still present. */
  static final LuaScript ENTRIES = LuaScript.of("entries", """
      local reply = {}
      for i = 2, #ARGV do
        local value = redis.call('get', ARGV[1] .. 'e:' .. ARGV[i])
        if value then
          local entry = {ARGV[i], value}
          for _, t in ipairs(redis.call('smembers', ARGV[1] .. 'g:' .. ARGV[i])) do entry[#entry + 1] = t end
          reply[#reply + 1] = entry
        end
      end
      return reply
      """);

  /** ARGV: prefix, now, ids... Removes those that expired; returns {id, value, ...} of them. */
  static final LuaScript REMOVE_IF_EXPIRED = LuaScript.of("removeIfExpired", HELPERS + """
      local now, reply = tonumber(ARGV[2]), {}
      for i = 3, #ARGV do
        if state(ARGV[1], KEYS[1], ARGV[i], now) == false then
          reply[#reply + 1] = ARGV[i]
          reply[#reply + 1] = remove(ARGV[1], KEYS[1], ARGV[i])
        end
      end
      return reply
      """);

  /**
   * ARGV: prefix, now, batch. Removes at most a batch of expired entries; returns {removed, id,
   * value, ...}, value false for entries Redis had already expired on its own.
   */
  static final LuaScript SWEEP = LuaScript.of("removeExpired", HELPERS + """
      local ids = redis.call('zrangebyscore', KEYS[1], '-inf', ARGV[2], 'LIMIT', 0, tonumber(ARGV[3]))
      local reply = {#ids}
      for _, id in ipairs(ids) do
        reply[#reply + 1] = id
        reply[#reply + 1] = remove(ARGV[1], KEYS[1], id)
      end
      return reply
      """);

  /**
   * ARGV: prefix, tag, now. Removes every entry carrying the tag, atomically; returns {live count,
   * id, value, ...} with the expired ones it came across.
   */
  static final LuaScript INVALIDATE_TAG = LuaScript.of("invalidateTag", HELPERS + """
      local now, live, reply = tonumber(ARGV[3]), 0, {0}
      for _, id in ipairs(redis.call('smembers', ARGV[1] .. 't:' .. ARGV[2])) do
        local s = state(ARGV[1], KEYS[1], id, now)
        local value = remove(ARGV[1], KEYS[1], id)
        if s then
          live = live + 1
        elseif s == false then
          reply[#reply + 1] = id
          reply[#reply + 1] = value
        end
      end
      redis.call('del', ARGV[1] .. 't:' .. ARGV[2])
      reply[1] = live
      return reply
      """);

  /**
   * ARGV: prefix, now, batch. Removes at most a batch of entries of any state; returns {removed,
   * live count, id, value, ...} with the expired ones it came across.
   */
  static final LuaScript FLUSH = LuaScript.of("flush", HELPERS + """
      local now = tonumber(ARGV[2])
      local ids = redis.call('zrange', KEYS[1], 0, tonumber(ARGV[3]) - 1)
      local reply = {#ids, 0}
      for _, id in ipairs(ids) do
        local s = state(ARGV[1], KEYS[1], id, now)
        local value = remove(ARGV[1], KEYS[1], id)
        if s then
          reply[2] = reply[2] + 1
        else
          reply[#reply + 1] = id
          reply[#reply + 1] = value
        end
      end
      return reply
      """);

  /**
   * ARGV: prefix, token, lease in ms, ids... Takes the transaction locks of all ids for the token,
   * or none of them; returns {1} when taken, {0, token of a holder} when another holds one.
   */
  static final LuaScript LOCK_KEYS = LuaScript.of("lockKeys", """
      for i = 4, #ARGV do
        local holder = redis.call('get', ARGV[1] .. 'k:' .. ARGV[i])
        if holder and holder ~= ARGV[2] then return {0, holder} end
      end
      for i = 4, #ARGV do redis.call('set', ARGV[1] .. 'k:' .. ARGV[i], ARGV[2], 'PX', ARGV[3]) end
      return {1}
      """);

  /**
   * ARGV: prefix, token, ids... Releases the transaction locks the token still holds; returns {how
   * many it held}, fewer than the ids when a lease ran out.
   */
  static final LuaScript UNLOCK_KEYS = LuaScript.of("unlockKeys", """
      local held = 0
      for i = 3, #ARGV do
        local k = ARGV[1] .. 'k:' .. ARGV[i]
        if redis.call('get', k) == ARGV[2] then
          redis.call('del', k)
          held = held + 1
        end
      end
      return {held}
      """);

  /** KEYS[1]: a fetch lock; ARGV[1]: the holder's token. Deletes the lock only if that holder still has it. */
  static final LuaScript RELEASE_LOCK = LuaScript.of("releaseFetchLock", """
      if redis.call('get', KEYS[1]) == ARGV[1] then return {redis.call('del', KEYS[1])} end
      return {0}
      """);
}
