package dev.vela.topology.partitioned;

/**
 * A request from another node of a partitioned cache, decoded once from its bytes by {@link
 * Protocol#decode}; the records of each message family say what it carries.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
sealed interface Request<K, V> permits KeyMessages.KeyRequest, KeyMessages.KeysRequest, WriteMessages.PutRequest,
    WriteMessages.PutAllRequest, WriteMessages.WriteRequest, WriteMessages.LockRequest, NodeMessages.NodeRequest,
    NodeMessages.CopyRequest, NodeMessages.ChangeRequest {

  /** Which request this is: its first byte. */
  Op op();
}
