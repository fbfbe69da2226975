package dev.tessera.center.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import dev.tessera.contract.problem.Problem;

/**
 * Requests Jetty refuses before any route sees them (a path with an encoded NUL, say) get an RFC 9457 problem
 * like every other error of the API, not Jetty's HTML page.
 */
final class ProblemErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        response.write(true, ByteBuffer.wrap(problem(code, message, request.getHttpURI().getPath())), callback);
    }

    private static byte[] problem(int status, String message, String instance) {
        String title = HttpStatus.getMessage(status);
        String detail = message == null || message.isBlank() ? title : message;
        ApiException e = status == BodyLimitHandler.CONTENT_TOO_LARGE
                ? ApiException.tooLarge(detail)
                : new ApiException(status, status == 400 ? "bad-request" : "http-" + status, title,
                        "the center could not read the request: " + detail);
        try {
            return Json.MAPPER.writeValueAsBytes(e.problem(instance));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a problem record always serializes", impossible);
        }
    }
}
