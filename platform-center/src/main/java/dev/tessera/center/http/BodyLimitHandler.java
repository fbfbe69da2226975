package dev.tessera.center.http;

import java.util.function.ToLongFunction;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The body limit of every route, signed in or not, for any transfer encoding (RFC 9110 §15.5.14): a Content-Length
 * above the path's limit is refused without being parsed (read and dropped up to 4 MiB, so the answer reaches a client
 * still sending), a chunked body the moment it passes the limit.
 */
final class BodyLimitHandler extends Handler.Wrapper {
    static final int CONTENT_TOO_LARGE = 413;
    /** Bodies up to this size are read (and dropped) before the 413, so the client gets it; larger ones are not. */
    static final long DRAINED_AT_MOST = 4L * 1024 * 1024;

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
                    chunk.release();
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
