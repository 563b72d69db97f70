package dev.vela.samples;

import java.math.BigDecimal;
import java.util.List;

/** A catalogue product, the value of {@link ProductCache}. */
public record Product(String sku, String name, BigDecimal price, Category category, List<String> labels) {}
