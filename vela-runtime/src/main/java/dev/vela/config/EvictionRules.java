package dev.vela.config;

import dev.vela.annotation.Backend;
import dev.vela.annotation.EvictionPolicy;
import java.util.Optional;

/**
 * The rules for a cache's size limit ({@code maxSize}), weight limit ({@code maxWeight} with a
 * weigher) and eviction policy, in one place: the annotation processor reports a broken rule on
 * the attribute it names, and the builder throws it when the cache is created.
 *
 * <ul>
 *   <li>{@code maxSize} and {@code maxWeight} are each -1 (no limit) or at least 1, and at most one
 *       of them is set; {@code maxWeight} needs a weigher, and a weigher needs {@code maxWeight}.
 *   <li>A limit with no policy written evicts by {@link EvictionPolicy#ADAPTIVE}; an explicit
 *       {@code TTL_ONLY} with a limit is an error, as is a policy that evicts without a limit.
 *   <li>REDIS takes no limit: Redis bounds its memory itself ({@code maxmemory-policy}).
 *   <li>DISK is bounded by entries only, never by weight.
 * </ul>
 */
public final class EvictionRules {
  private EvictionRules() {}

  /**
   * What is wrong with {@code value} as the limit {@code setting} ({@code maxSize} or
   * {@code maxWeight}) on its own: it must be -1 or at least 1. The builder checks each setter with
   * it; {@link Limits#problem()} starts with it.
   */
  public static Optional<String> limitProblem(String setting, long value) {
    return value < -1 || value == 0
        ? Optional.of(setting + " must be -1 (unbounded) or at least 1, was " + value)
        : Optional.empty();
  }

  /** The setting a broken rule is about, for the processor to point at. */
  public enum Setting {
    MAX_SIZE,
    MAX_WEIGHT,
    WEIGHER,
    EVICTION_POLICY
  }

  /**
   * One broken rule.
   *
   * @param setting the setting to correct
   * @param message what is wrong and what to do
   */
  public record Problem(Setting setting, String message) {}

  /**
   * The limits and policy as written. {@code policy} is the written policy, or null when none was
   * written (the default then depends on the limits).
   *
   * @param backend where entries live
   * @param maxSize the most entries, or -1
   * @param maxWeight the most total weight, or -1
   * @param hasWeigher whether a weigher is given
   * @param policy the written eviction policy, or null when not written
   */
  public record Limits(Backend backend, long maxSize, long maxWeight, boolean hasWeigher, EvictionPolicy policy) {

    /** Whether a size or weight limit is set. */
    public boolean isBounded() {
      return maxSize > 0 || maxWeight > 0;
    }

    /** The policy the cache evicts by: as written, else ADAPTIVE with a limit and TTL_ONLY without. */
    public EvictionPolicy effectivePolicy() {
      if (policy != null) {
        return policy;
      }
      return isBounded() ? EvictionPolicy.ADAPTIVE : EvictionPolicy.TTL_ONLY;
    }

    /** The first broken rule, if any. */
    public Optional<Problem> problem() {
      Optional<String> badSize = limitProblem("maxSize", maxSize);
      if (badSize.isPresent()) {
        return problem(Setting.MAX_SIZE, badSize.get());
      }
      Optional<String> badWeight = limitProblem("maxWeight", maxWeight);
      if (badWeight.isPresent()) {
        return problem(Setting.MAX_WEIGHT, badWeight.get());
      }
      if (maxSize > 0 && maxWeight > 0) {
        return problem(Setting.MAX_WEIGHT, "maxSize " + maxSize + " and maxWeight " + maxWeight
            + " are both set, but a cache is bounded by entries or by weight; keep one of them");
      }
      if (maxWeight > 0 && !hasWeigher) {
        return problem(Setting.MAX_WEIGHT, "maxWeight " + maxWeight + " needs a weigher that gives each entry its"
            + " weight; set weigher, or use maxSize to count entries");
      }
      if (maxWeight <= 0 && hasWeigher) {
        return problem(Setting.WEIGHER, "a weigher is set but maxWeight is not, so no weight is ever counted;"
            + " set maxWeight, or remove the weigher");
      }
      if (isBounded() && backend == Backend.REDIS) {
        return problem(maxSize > 0 ? Setting.MAX_SIZE : Setting.MAX_WEIGHT, (maxSize > 0 ? "maxSize" : "maxWeight")
            + " cannot bound a REDIS cache: Redis evicts by its own memory limit; set maxmemory and"
            + " maxmemory-policy (allkeys-lfu, say) in the Redis server's configuration, and remove "
            + (maxSize > 0 ? "maxSize" : "maxWeight"));
      }
      if (maxWeight > 0 && backend == Backend.DISK) {
        return problem(Setting.MAX_WEIGHT, "maxWeight " + maxWeight + " cannot bound a DISK cache, which counts"
            + " entries only; use maxSize, or Backend.MEMORY to bound by weight");
      }
      if (isBounded() && policy == EvictionPolicy.TTL_ONLY) {
        String limit = maxSize > 0 ? "maxSize " + maxSize : "maxWeight " + maxWeight;
        return problem(maxSize > 0 ? Setting.MAX_SIZE : Setting.MAX_WEIGHT, limit
            + " needs an eviction policy that evicts, but evictionPolicy is TTL_ONLY, which never does; leave"
            + " evictionPolicy out to get ADAPTIVE (or choose LRU or LFU), or remove the limit");
      }
      if (!isBounded() && policy != null && policy != EvictionPolicy.TTL_ONLY) {
        return problem(Setting.EVICTION_POLICY, "evictionPolicy " + policy + " evicts only when maxSize or"
            + " maxWeight is reached, but neither is set; set maxSize, or leave evictionPolicy out");
      }
      return Optional.empty();
    }

    private static Optional<Problem> problem(Setting setting, String message) {
      return Optional.of(new Problem(setting, message));
    }
  }
}
