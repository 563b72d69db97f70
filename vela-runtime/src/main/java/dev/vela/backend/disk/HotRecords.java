package dev.vela.backend.disk;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records recently read or written, in memory, so that a read of a warm key costs a hash lookup
 * instead of MapDB's reads of the store file. It holds at most {@code capacity} records; past that
 * a second-chance sweep drops records not read since the last sweep went by.
 *
 * <p>It is only ever filled with what the store holds at that moment: writers change it under the
 * store's write lock, readers fill it under the read lock, so it never holds a record the store
 * has replaced.
 */
final class HotRecords {
  private final int capacity;
  private final ConcurrentHashMap<ByteKey, Slot> slots = new ConcurrentHashMap<>();
  private final Object sweeping = new Object();

  /** A record with the second-chance bit. */
  private static final class Slot {
    final byte[] record;
    volatile boolean read;

    Slot(byte[] record) {
      this.record = record;
    }
  }

  HotRecords(int capacity) {
    this.capacity = capacity;
  }

  /** The record under {@code key}, or null when it is not held here. */
  byte[] get(ByteKey key) {
    Slot slot = slots.get(key);
    if (slot == null) {
      return null;
    }
    if (!slot.read) {
      slot.read = true;
    }
    return slot.record;
  }

  /** Holds {@code record} as the store's record under {@code key}. */
  void put(ByteKey key, byte[] record) {
    if (capacity == 0) {
      return;
    }
    slots.put(key, new Slot(record));
    if (slots.size() > capacity) {
      shrink();
    }
  }

  /** Forgets {@code key}. */
  void remove(ByteKey key) {
    slots.remove(key);
  }

  /** Forgets every record. */
  void clear() {
    slots.clear();
  }

  /** Drops records until a sixteenth of the capacity is free, sparing those read since the last sweep once. */
  private void shrink() {
    synchronized (sweeping) {
      int target = capacity - Math.max(1, capacity / 16);
      for (int pass = 0; pass < 2 && slots.size() > target; pass++) {
        Iterator<Map.Entry<ByteKey, Slot>> walk = slots.entrySet().iterator();
        while (walk.hasNext() && slots.size() > target) {
          Slot slot = walk.next().getValue();
          if (slot.read && pass == 0) {
            slot.read = false;
          } else {
            walk.remove();
          }
        }
      }
    }
  }
}
