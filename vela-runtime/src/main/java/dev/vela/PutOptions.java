package dev.vela;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How one entry is stored: its own time to live (or none at all) and its tags. Immutable; combine
 * with {@link #withTtl(Duration)}, {@link #withTags(String...)} and {@link #withNoExpiry()}.
 *
 * <pre>{@code cache.put(id, user, PutOptions.ttl(Duration.ofMinutes(5)).withTags("tenant:42"));}</pre>
 */
public final class PutOptions {
  private static final PutOptions DEFAULTS = new PutOptions(null, false, Set.of());

  private final Duration ttl;
  private final boolean noExpiry;
  private final Set<String> tags;

  private PutOptions(Duration ttl, boolean noExpiry, Set<String> tags) {
    this.ttl = ttl;
    this.noExpiry = noExpiry;
    this.tags = tags;
  }

  /** Options that keep the cache's default time to live and add no tags. */
  public static PutOptions defaults() {
    return DEFAULTS;
  }

  /** Options with this time to live, which must be positive. */
  public static PutOptions ttl(Duration ttl) {
    return DEFAULTS.withTtl(ttl);
  }

  /** Options with these tags, none null or blank. */
  public static PutOptions tags(String... tags) {
    return DEFAULTS.withTags(tags);
  }

  /** Options for an entry that never expires, whatever the cache's default time to live. */
  public static PutOptions noExpiry() {
    return DEFAULTS.withNoExpiry();
  }

  /** A copy with this positive time to live instead of any earlier one. */
  public PutOptions withTtl(Duration ttl) {
    Objects.requireNonNull(ttl, "ttl must not be null; use PutOptions.noExpiry() for an entry that never expires");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException(
          "ttl must be positive, was " + ttl + "; use PutOptions.noExpiry() for an entry that never expires");
    }
    return new PutOptions(ttl, false, tags);
  }

  /** A copy for an entry that never expires. */
  public PutOptions withNoExpiry() {
    return new PutOptions(null, true, tags);
  }

  /** A copy with these tags added to any earlier ones. */
  public PutOptions withTags(String... tags) {
    Objects.requireNonNull(tags, "tags must not be null");
    Set<String> merged = new LinkedHashSet<>(this.tags);
    for (String tag : tags) {
      merged.add(checkTag(tag));
    }
    return new PutOptions(ttl, noExpiry, Collections.unmodifiableSet(merged));
  }

  /** Checks one tag as {@link #withTags(String...)} does, and returns it. */
  public static String checkTag(String tag) {
    Objects.requireNonNull(tag, "a tag must not be null");
    if (tag.isBlank()) {
      throw new IllegalArgumentException("a tag must not be blank");
    }
    return tag;
  }

  /** The time to live given by {@link #ttl(Duration)}, or empty for the cache's default or no expiry. */
  public Optional<Duration> timeToLive() {
    return Optional.ofNullable(ttl);
  }

  /** True when the entry must never expire. */
  public boolean isNoExpiry() {
    return noExpiry;
  }

  /** The tags, in the order given, without repeats. */
  public Set<String> tagSet() {
    return tags;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PutOptions other
        && noExpiry == other.noExpiry
        && Objects.equals(ttl, other.ttl)
        && tags.equals(other.tags);
  }

  @Override
  public int hashCode() {
    return Objects.hash(ttl, noExpiry, tags);
  }

  @Override
  public String toString() {
    String expiry = noExpiry ? "noExpiry" : ttl == null ? "defaultTtl" : "ttl=" + ttl;
    return "PutOptions[" + expiry + ", tags=" + tags + "]";
  }
}
