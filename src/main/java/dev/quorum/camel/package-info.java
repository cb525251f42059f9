/**
 * Camel support shared by every feature package: the names of the message headers, exchange variables and exchange
 * properties that Quorum's routes and beans share, one {@code <Feature>Constants} class per feature (so a route file
 * and the Java that serves it cannot drift apart on a spelling), {@link dev.quorum.camel.Steps}, which binds the
 * bean methods the routes call as Processors, and {@link dev.quorum.camel.RouteTemplateReload}, which rebuilds the
 * routes made from a route template when its file is reloaded. Nothing here depends on another Quorum package.
 *
 * <p>The {@code quorum:} component's own public headers are {@link dev.quorum.component.QuorumConstants}; the two
 * header names it shares with the triggers ({@code QuorumRequestId}, {@code QuorumStatus}) are defined once, in
 * {@link dev.quorum.camel.RequestConstants}, and the component's constants point to them.
 */
package dev.quorum.camel;
