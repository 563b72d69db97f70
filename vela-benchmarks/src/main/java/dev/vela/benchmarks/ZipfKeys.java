package dev.vela.benchmarks;

import java.util.Random;

/**
 * A fixed trace of keys drawn from a Zipf distribution over {@code 0..keySpace-1}, so that every
 * cache in a run sees exactly the same requests: a few hot keys, a long tail.
 */
final class ZipfKeys {
  private ZipfKeys() {}

  /** {@code count} keys with exponent {@code skew} (0.99 is typical of web traffic), from a fixed seed. */
  static Integer[] trace(int keySpace, double skew, int count, long seed) {
    double[] cumulative = new double[keySpace];
    double sum = 0;
    for (int rank = 0; rank < keySpace; rank++) {
      sum += 1.0 / Math.pow(rank + 1, skew);
      cumulative[rank] = sum;
    }
    // ranks map to scattered key values, so hot keys do not sit together in a hash table
    int[] keyOfRank = new int[keySpace];
    for (int i = 0; i < keySpace; i++) {
      keyOfRank[i] = i;
    }
    Random random = new Random(seed);
    for (int i = keySpace - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = keyOfRank[i];
      keyOfRank[i] = keyOfRank[j];
      keyOfRank[j] = swap;
    }
    Integer[] boxed = new Integer[keySpace];
    for (int i = 0; i < keySpace; i++) {
      boxed[i] = i;
    }
    Integer[] trace = new Integer[count];
    for (int i = 0; i < count; i++) {
      double target = random.nextDouble() * sum;
      int low = 0;
      int high = keySpace - 1;
      while (low < high) {
        int mid = (low + high) >>> 1;
        if (cumulative[mid] < target) {
          low = mid + 1;
        } else {
          high = mid;
        }
      }
      trace[i] = boxed[keyOfRank[low]];
    }
    return trace;
  }
}
