package dev.vela.benchmarks;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A typical cached value. {@link Serializable} only so that Java serialization, the peer the codec
 * is measured against, can write it.
 *
 * @param id the order's id
 * @param customer who placed it
 * @param version its optimistic-locking version
 * @param placedAt when it was placed
 * @param status where it stands
 * @param lines what was ordered
 * @param total the amount due
 * @param attributes free-form tags such as the sales channel
 */
public record Order(
    UUID id,
    String customer,
    long version,
    Instant placedAt,
    OrderStatus status,
    List<LineItem> lines,
    BigDecimal total,
    Map<String, String> attributes) implements Serializable {}
