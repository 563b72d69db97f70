package dev.vela.benchmarks;

import java.util.List;

/**
 * The calling side of one product in {@link RemoteGetMain}: a node or client in the client JVM
 * whose reads go to the server JVM.
 */
interface RemoteSubject extends AutoCloseable {

  /** The keys whose reads cross to the server JVM. */
  String[] remoteKeys();

  /** Reads {@code key}; fails when it is absent, so a miss is never counted as a read. */
  Object get(String key);

  /** Reads {@code keys} in one call where the product has one; returns how many were found. */
  int getAll(List<String> keys);

  /** True when the product has a bulk read ({@link #getAll}). */
  default boolean hasGetAll() {
    return true;
  }

  @Override
  void close();
}
