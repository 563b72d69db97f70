package dev.vela.cluster.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Network namespaces made for one test, one per node, joined by a bridge without an address, each
 * node's address existing only inside its namespace (10.213.x.y/24, x picked at random and checked
 * unused here). {@link #cut} takes a node's link down, {@link #heal} brings it back. Made with
 * {@code ip}; where that is not allowed (no root, no bridge support) {@link #create} says why and
 * makes nothing.
 */
final class Namespaces implements AutoCloseable {
  private final String id;
  private final String subnet;
  private final int nodes;
  private final List<String> made = new ArrayList<>();
  private String bridge;

  private Namespaces(String id, String subnet, int nodes) {
    this.id = id;
    this.subnet = subnet;
    this.nodes = nodes;
  }

  /** {@code nodes} namespaces on one bridge, or the reason they cannot be made here. */
  static Namespaces create(int nodes, StringBuilder whyNot) {
    String id = Long.toString(ProcessHandle.current().pid() % 100_000, 36) + Integer.toString(
        ThreadLocalRandom.current().nextInt(36 * 36), 36);
    String subnet = "10.213." + ThreadLocalRandom.current().nextInt(1, 255);
    Namespaces made = new Namespaces(id, subnet, nodes);
    try {
      if (run("ip", "-4", "addr").contains(subnet + ".") || run("ip", "-4", "route").contains(subnet + ".")) {
        whyNot.append("subnet ").append(subnet).append(".0/24 is in use on this machine");
        return null;
      }
      made.bridge = "vbr" + id;
      run("ip", "link", "add", made.bridge, "type", "bridge");
      made.made.add("link:" + made.bridge);
      run("ip", "link", "set", made.bridge, "up");
      for (int i = 0; i < nodes; i++) {
        String ns = made.namespace(i);
        run("ip", "netns", "add", ns);
        made.made.add("netns:" + ns);
        run("ip", "link", "add", made.outer(i), "type", "veth", "peer", "name", made.inner(i));
        run("ip", "link", "set", made.inner(i), "netns", ns);
        run("ip", "link", "set", made.outer(i), "master", made.bridge);
        run("ip", "link", "set", made.outer(i), "up");
        run("ip", "netns", "exec", ns, "ip", "link", "set", "lo", "up");
        run("ip", "netns", "exec", ns, "ip", "addr", "add", made.address(i) + "/24", "dev", made.inner(i));
        run("ip", "netns", "exec", ns, "ip", "link", "set", made.inner(i), "up");
      }
      String listed = run("ip", "netns", "list");
      for (int i = 0; i < nodes; i++) {
        if (!listed.contains(made.namespace(i))
            || !run("ip", "netns", "exec", made.namespace(i), "ip", "-4", "addr").contains(made.address(i) + "/24")) {
          whyNot.append("namespace ").append(made.namespace(i)).append(" did not come up with ").append(made.address(i));
          made.close();
          return null;
        }
      }
      return made;
    } catch (IOException | IllegalStateException e) {
      whyNot.append("this machine cannot make network namespaces joined by a bridge (").append(e.getMessage()).append(')');
      made.close();
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      made.close();
      whyNot.append("interrupted");
      return null;
    }
  }

  /** Node {@code i}'s address, which exists only inside its namespace. */
  String address(int i) {
    return subnet + "." + (i + 1);
  }

  /** The command prefix that runs a program inside node {@code i}'s namespace. */
  List<String> runner(int i) {
    return List.of("ip", "netns", "exec", namespace(i));
  }

  /** Cuts node {@code i} off from the others: its link to the bridge goes down. */
  void cut(int i) throws IOException, InterruptedException {
    run("ip", "link", "set", outer(i), "down");
  }

  /** Links node {@code i} to the others again. */
  void heal(int i) throws IOException, InterruptedException {
    run("ip", "link", "set", outer(i), "up");
  }

  @Override
  public void close() {
    for (int i = made.size() - 1; i >= 0; i--) {
      String[] what = made.get(i).split(":", 2);
      try {
        if (what[0].equals("netns")) {
          run("ip", "netns", "del", what[1]); // takes its end of the veth pair, and so the pair, with it
        } else {
          run("ip", "link", "del", what[1]);
        }
      } catch (IOException | IllegalStateException e) {
        // best effort: the namespace's name is unique to this run
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    made.clear();
  }

  private String namespace(int i) {
    return "vela" + id + "n" + i;
  }

  private String outer(int i) {
    return "vo" + id + i;
  }

  private String inner(int i) {
    return "vi" + id + i;
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " failed: " + output.trim());
    }
    return output;
  }
}
