/**
 * The PARTITIONED topology: each key lives on one node, its owner on the consistent-hash ring of
 * the cluster's members. Key operations run on the owner, here or by a call; cache-wide ones add up
 * every node's answers. When members join or leave gracefully, keys move to their new owners with
 * their remaining time to live and tags; until a key has moved, its old owner still answers for it.
 */
package dev.vela.topology.partitioned;
