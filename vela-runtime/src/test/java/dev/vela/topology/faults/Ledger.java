package dev.vela.topology.faults;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the load did, from the events the nodes report: each key's last acknowledged state, the
 * states of writes after it whose outcome is unknown (they failed, or their node died during them),
 * failures by kind, and stale reads. Each worker writes only its own keys, one call at a time, so
 * its events of one key are in order.
 */
final class Ledger {
  /** A key's state: a value, or {@link #ABSENT}. */
  static final String ABSENT = "-";

  /** One worker's write in flight: its key and the state it writes. */
  private record Write(String key, String state) {}

  private final Map<String, String> acknowledged = new HashMap<>();
  private final Map<String, Set<String>> uncertain = new HashMap<>();
  private final Map<String, Write> inFlight = new HashMap<>();
  private final Map<String, AtomicLong> failures = new TreeMap<>();
  private final Map<String, List<String>> history = new HashMap<>();
  private final Set<String> staleKeys = new LinkedHashSet<>();
  private final List<String> staleReads = new ArrayList<>();
  private final Map<Integer, Long> acknowledgedByNode = new HashMap<>();
  private long acknowledgedWrites;
  private volatile long loadStartMillis;

  /** Records one event line of node {@code node}; other lines are ignored. */
  synchronized void record(int node, String line) {
    String[] word = line.split(" ");
    String worker = node + "/" + (word.length > 1 ? word[1] : "");
    switch (word[0]) {
      case "B" -> inFlight.put(worker, new Write(word[3], word[2].equals("put") ? word[4] : ABSENT));
      case "A" -> {
        Write write = inFlight.remove(worker);
        acknowledged.put(write.key(), write.state());
        uncertain.remove(write.key());
        acknowledgedWrites++;
        acknowledgedByNode.merge(node, 1L, Long::sum);
        note(write.key(), word[2], "wrote " + write.state() + ", acknowledged");
      }
      case "F" -> {
        failures.computeIfAbsent(word[2] + " " + word[3], kind -> new AtomicLong()).incrementAndGet();
        if (!word[2].equals("get")) {
          Write write = inFlight.remove(worker);
          unknownOutcome(write);
          note(write.key(), word[4], "wrote " + write.state() + ", failed: " + word[3]);
        }
      }
      case "S" -> {
        staleKeys.add(word[2]);
        note(word[2], word[5], "read " + word[4]);
        staleReads.add("node " + node + " at " + since(word[5]) + " ms: " + word[2] + " expected " + word[3] + ", read "
            + word[4]);
      }
      default -> {
        // not an event
      }
    }
  }

  /** The wall-clock time the load started, from which stale reads are timed. */
  void loadStarted(long epochMillis) {
    loadStartMillis = epochMillis;
  }

  /** Node {@code node} died: its writes in flight may or may not have landed. */
  synchronized void nodeDied(int node) {
    inFlight.entrySet().removeIf(entry -> {
      if (entry.getKey().startsWith(node + "/")) {
        unknownOutcome(entry.getValue());
        note(entry.getValue().key(), null, "wrote " + entry.getValue().state() + ", node died before the answer");
        return true;
      }
      return false;
    });
  }

  /** Keeps what happened to {@code key}, for the report of keys that went wrong. */
  private void note(String key, String epochMillis, String what) {
    history.computeIfAbsent(key, k -> new ArrayList<>()).add((epochMillis == null ? "" : since(epochMillis) + " ms ") + what);
  }

  private long since(String epochMillis) {
    return Long.parseLong(epochMillis) - loadStartMillis;
  }

  /**
   * For each key read stale, its {@code count} events up to the first stale read; for each key
   * in {@code wrongKeys} (left wrong at the end), its last {@code count} events.
   */
  synchronized List<String> histories(List<String> wrongKeys, int count) {
    List<String> lines = new ArrayList<>();
    for (String key : staleKeys) {
      List<String> events = history.getOrDefault(key, List.of());
      int firstStale = 0;
      while (firstStale < events.size() - 1 && !events.get(firstStale).contains(" read ")) {
        firstStale++;
      }
      List<String> before = events.subList(Math.max(0, firstStale + 1 - count), firstStale + 1);
      lines.add(key + " until its first stale read: " + String.join("; ", before));
    }
    for (String key : wrongKeys) {
      List<String> events = history.getOrDefault(key, List.of());
      List<String> last = events.subList(Math.max(0, events.size() - count), events.size());
      lines.add(key + " at the end: " + String.join("; ", last));
    }
    return lines;
  }

  private void unknownOutcome(Write write) {
    if (write != null) {
      uncertain.computeIfAbsent(write.key(), key -> new LinkedHashSet<>()).add(write.state());
    }
  }

  synchronized long acknowledgedWrites() {
    return acknowledgedWrites;
  }

  /** The writes acknowledged to the workers of {@code nodes}. */
  synchronized long acknowledgedWritesOf(int... nodes) {
    long sum = 0;
    for (int node : nodes) {
      sum += acknowledgedByNode.getOrDefault(node, 0L);
    }
    return sum;
  }

  /** Failed operations by kind ("put VelaException"), in name order. */
  synchronized Map<String, Long> failures() {
    Map<String, Long> counts = new TreeMap<>();
    failures.forEach((kind, count) -> counts.put(kind, count.get()));
    return counts;
  }

  synchronized List<String> staleReads() {
    return List.copyOf(staleReads);
  }

  /**
   * The keys whose value {@code read} does not allow: neither the last acknowledged state nor one
   * of the unknown writes after it. Keys never acknowledged are not checked.
   */
  synchronized List<String> violations(Map<String, String> read) {
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, String> entry : new TreeMap<>(acknowledged).entrySet()) {
      String key = entry.getKey();
      Set<String> allowed = new HashSet<>(uncertain.getOrDefault(key, Set.of()));
      allowed.add(entry.getValue());
      String seen = read.getOrDefault(key, "(not read)");
      if (!allowed.contains(seen)) {
        String kind = entry.getValue().equals(ABSENT) ? "deleted key came back" : seen.equals(ABSENT)
            ? "acknowledged put lost" : "acknowledged put overwritten by an older value";
        wrong.add(key + " " + kind + " (acknowledged " + entry.getValue() + ", unknown-outcome writes after it "
            + uncertain.getOrDefault(key, Set.of()) + ", read " + seen + ")");
      }
    }
    return wrong;
  }

  /** How many keys end with an acknowledged value (not deleted) and no unknown write after it. */
  synchronized long certainValues() {
    return acknowledged.entrySet().stream()
        .filter(e -> !e.getValue().equals(ABSENT) && !uncertain.containsKey(e.getKey()))
        .count();
  }
}
