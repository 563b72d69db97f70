package dev.vela.backend.disk;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Copies of a store file's committed pages by page number, at most {@code capacity} of them; past
 * that, arbitrary pages are dropped (a dropped page is read from the file again when next needed).
 */
final class CleanPages {
  private final int capacity;
  private final ConcurrentHashMap<Long, byte[]> pages = new ConcurrentHashMap<>();

  CleanPages(int capacity) {
    this.capacity = capacity;
  }

  /** The kept copy of {@code page}, or null. */
  byte[] get(long page) {
    return pages.get(page);
  }

  /** Keeps {@code bytes} as the committed content of {@code page}. */
  void put(long page, byte[] bytes) {
    pages.put(page, bytes);
    if (pages.size() > capacity) {
      Iterator<Long> walk = pages.keySet().iterator();
      for (int drop = capacity / 16; drop > 0 && walk.hasNext(); drop--) {
        walk.next();
        walk.remove();
      }
    }
  }
}
