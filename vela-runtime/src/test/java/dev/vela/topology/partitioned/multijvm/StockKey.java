package dev.vela.topology.partitioned.multijvm;

import dev.vela.codec.Codec;
import dev.vela.codec.CodecInput;
import dev.vela.codec.CodecOutput;
import dev.vela.codec.Codecs;

/**
 * A record key with an enum component, whose {@code hashCode()} differs between JVMs: the ring must
 * place it by its encoded bytes.
 *
 * @param region where the stock is
 * @param item the item number
 */
record StockKey(Region region, int item) {
  enum Region { NORTH, SOUTH, EAST, WEST }

  /** The codec, composed the way the processor writes one: components in order. */
  static final Codec<StockKey> CODEC = new Codec<>() {
    private final Codec<Region> regions = Codecs.enumByName("test.StockKey.Region", Region.values());

    @Override
    public void encode(StockKey value, CodecOutput out) {
      regions.encode(value.region(), out);
      Codecs.INT.encode(value.item(), out);
    }

    @Override
    public StockKey decode(CodecInput in) {
      in.enter();
      StockKey key = new StockKey(regions.decode(in), Codecs.INT.decode(in));
      in.exit();
      return key;
    }

    @Override
    public String shape() {
      return "record test.StockKey(" + regions.shape() + " region,int item)";
    }
  };

  /** The key of number {@code n} in a test's key space: regions in turn. */
  static StockKey number(int n) {
    return new StockKey(Region.values()[Math.floorMod(n, 4)], n);
  }
}
