package dev.vela.samples.spring;

/**
 * A price quote for a stock symbol.
 *
 * @param symbol the stock symbol
 * @param cents the price in cents
 * @param lookup which lookup of the symbol made this quote (1 for the first)
 */
public record Quote(String symbol, long cents, int lookup) {}
