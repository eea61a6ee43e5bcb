/**
 * How an instance leaves a group of instances without failing a request: {@link GracefulShutdown} (SIGTERM
 * first takes the instance out of readiness and closes its keep-alive connections, then lets Liberty stop),
 * {@link DrainingReadiness} and {@link DrainingFilter}. See docs/adr/0049.
 */
package dev.mechanics.platform.lifecycle;
