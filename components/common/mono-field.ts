/**
 * Classes for monospace inputs (handlers, ARNs, keys). 13 px at every breakpoint, overriding the input's
 * `md:text-sm`: at 14 px on a 20 px line, Chromium clips DejaVu Sans Mono's underscore inside an
 * <input>, and `lambda_handler` reads as `lambda handler`.
 */
export const MONO_FIELD = "font-mono text-[0.8125rem] md:text-[0.8125rem]";
