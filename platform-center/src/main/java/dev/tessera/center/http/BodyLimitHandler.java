package dev.tessera.center.http;

import java.util.function.ToLongFunction;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The body limit of every route, signed in or not, for any transfer encoding (RFC 9110 §15.5.14): a body above the
 * path's limit is refused with 413 and never parsed. Up to {@link #DRAINED_AT_MOST} bytes it is read to its end and
 * dropped before the answer, with a Content-Length or chunked, so that a client still sending gets the 413 instead of
 * a connection reset; beyond that the connection is cut, as the sender is not one to wait for.
 */
final class BodyLimitHandler extends Handler.Wrapper {
    static final int CONTENT_TOO_LARGE = 413;
    /** Bodies up to this size are read (and dropped) before the 413, so the client gets it; larger ones are not. */
    static final long DRAINED_AT_MOST = 16L * 1024 * 1024;

    private final ToLongFunction<String> limitOfPath;

    BodyLimitHandler(ToLongFunction<String> limitOfPath) {
        this.limitOfPath = limitOfPath;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long limit = limitOfPath.applyAsLong(Request.getPathInContext(request));
        long declared = request.getLength();
        if (declared > limit) {
            String message = "the body has " + declared + " bytes; this endpoint takes at most " + limit;
            if (declared <= DRAINED_AT_MOST) {
                // read and drop the body before answering: a client still sending it when the answer and the close
                // arrive loses the answer to the connection's reset ("no bytes received") now and then
                Content.Source.consumeAll(request, Callback.from(
                        () -> Response.writeError(request, response, callback, CONTENT_TOO_LARGE, message),
                        failure -> Response.writeError(request, response, callback, CONTENT_TOO_LARGE, message)));
            } else {
                Response.writeError(request, response, callback, CONTENT_TOO_LARGE, message);
            }
            return true;
        }
        return super.handle(new Request.Wrapper(request) {
            private long read;

            @Override
            public Content.Chunk read() {
                Content.Chunk chunk = super.read();
                if (chunk == null || Content.Chunk.isFailure(chunk)) {
                    return chunk;
                }
                read += chunk.remaining();
                if (read > limit) {
                    boolean last = chunk.isLast();
                    chunk.release();
                    if (!last && read <= DRAINED_AT_MOST) {
                        // over the limit: the rest is read and dropped (the handler sees no more bytes), and the 413
                        // comes at the body's end, so the client still sending it gets the answer
                        return Content.Chunk.EMPTY;
                    }
                    HttpException.RuntimeException tooLarge = new HttpException.RuntimeException(CONTENT_TOO_LARGE,
                            "the body exceeds " + limit + " bytes, the most this endpoint takes");
                    getWrapped().fail(tooLarge);
                    return Content.Chunk.from(tooLarge, true);
                }
                return chunk;
            }
        }, response, callback);
    }
}
