package dev.vela.benchmarks;

/** Where an order stands. */
public enum OrderStatus {
  /** Placed, not yet paid. */
  PENDING,
  /** Paid. */
  PAID,
  /** On its way. */
  SHIPPED,
  /** Delivered. */
  DELIVERED
}
