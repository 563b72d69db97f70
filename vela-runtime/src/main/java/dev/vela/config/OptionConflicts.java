package dev.vela.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rules between options, each written once: the processor reports a broken one on the option
 * it names, and the runtime throws it when the cache starts.
 *
 * <ul>
 *   <li>REDIS: {@code clusterNodes} and {@code url} exclude each other (one server, or a cluster).
 *   <li>{@code clusterSecret} and {@code tlsKeyStore} apply to the built-in stack, so neither goes
 *       with {@code jgroupsConfig}.
 *   <li>{@code tlsKeyStore} and {@code tlsTrustStore} go together.
 * </ul>
 */
public final class OptionConflicts {
  private OptionConflicts() {}

  /** What is known of an option when the rules are checked. */
  public enum State {
    /** Given, with a value that takes effect. */
    SET,
    /** Not given, or given a value that means "not set". */
    UNSET,
    /** Given with placeholders that are resolved only when the cache starts: no rule fires on it. */
    UNKNOWN
  }

  /**
   * One broken rule.
   *
   * @param option the option to correct
   * @param problem what is wrong and what to do, said as "is ..." or "needs ..." to follow "which"
   */
  public record Conflict(OptionCatalog option, String problem) {}

  /**
   * The state of an option as an annotation writes it: {@code value} is null when it is not
   * written. {@code url} and {@code clusterNodes} exclude each other by being given at all; the
   * other rules look at the value, so a value with placeholders is unknown until the cache starts.
   */
  public static State written(OptionCatalog option, String value) {
    if (value == null) {
      return State.UNSET;
    }
    boolean byPresence = option == OptionCatalog.URL || option == OptionCatalog.CLUSTER_NODES;
    return byPresence || !Placeholders.hasPlaceholder(value) ? State.SET : State.UNKNOWN;
  }

  /** The state of an option whose value is resolved: set when it is not blank. */
  public static State resolved(String value) {
    return value == null || value.isBlank() ? State.UNSET : State.SET;
  }

  /** Every broken rule, given the state of each option. */
  public static List<Conflict> find(Function<OptionCatalog, State> state) {
    List<Conflict> conflicts = new ArrayList<>();
    if (both(state, OptionCatalog.CLUSTER_NODES, OptionCatalog.URL)) {
      conflicts.add(new Conflict(OptionCatalog.CLUSTER_NODES, RedisUrls.BOTH));
    }
    if (both(state, OptionCatalog.CLUSTER_SECRET, OptionCatalog.JGROUPS_CONFIG)) {
      conflicts.add(new Conflict(OptionCatalog.CLUSTER_SECRET, "is given together with jgroupsConfig, but applies to"
          + " the built-in stack only; put SYM_ENCRYPT into that stack file instead (see the README), or drop"
          + " jgroupsConfig"));
    }
    if (both(state, OptionCatalog.TLS_KEY_STORE, OptionCatalog.JGROUPS_CONFIG)) {
      conflicts.add(new Conflict(OptionCatalog.TLS_KEY_STORE, "is given together with jgroupsConfig, but applies to"
          + " the built-in stack only; configure TLS in that stack file's TCP instead, or drop jgroupsConfig"));
    }
    if (withoutOther(state, OptionCatalog.TLS_KEY_STORE, OptionCatalog.TLS_TRUST_STORE)) {
      conflicts.add(new Conflict(OptionCatalog.TLS_KEY_STORE, "needs tlsTrustStore: tlsKeyStore and tlsTrustStore go"
          + " together; give tlsTrustStore, the certificates of the nodes it accepts (the JVM's default trust would"
          + " accept any public certificate)"));
    }
    if (withoutOther(state, OptionCatalog.TLS_TRUST_STORE, OptionCatalog.TLS_KEY_STORE)) {
      conflicts.add(new Conflict(OptionCatalog.TLS_TRUST_STORE, "needs tlsKeyStore: tlsKeyStore and tlsTrustStore go"
          + " together; give tlsKeyStore, this node's key and certificate"));
    }
    return conflicts;
  }

  /** The first broken rule, if any. */
  public static Optional<Conflict> first(Function<OptionCatalog, State> state) {
    return find(state).stream().findFirst();
  }

  private static boolean both(Function<OptionCatalog, State> state, OptionCatalog one, OptionCatalog other) {
    return state.apply(one) == State.SET && state.apply(other) == State.SET;
  }

  private static boolean withoutOther(Function<OptionCatalog, State> state, OptionCatalog one, OptionCatalog other) {
    return state.apply(one) == State.SET && state.apply(other) == State.UNSET;
  }
}
