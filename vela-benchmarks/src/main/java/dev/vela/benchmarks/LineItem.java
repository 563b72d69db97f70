package dev.vela.benchmarks;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * One line of an order. {@link Serializable} only so that Java serialization, the peer the codec
 * is measured against, can write it.
 *
 * @param sku the product
 * @param quantity how many
 * @param unitPrice the price of one
 */
public record LineItem(String sku, int quantity, BigDecimal unitPrice) implements Serializable {}
