// A @grpc/grpc-js server for the KtEvents.Rpc client under test.
// Usage: node server.js <testing.proto>. Prints {"port":N} once listening on 127.0.0.1; exits when
// stdin closes, so it never outlives the test that started it.
'use strict';
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const [protoPath] = process.argv.slice(2);
const definition = protoLoader.loadSync(protoPath, { defaults: true });
const testing = grpc.loadPackageDefinition(definition).kt.testing.v1;

const server = new grpc.Server();
// Secret is left out on purpose: grpc-js answers it with UNIMPLEMENTED.
server.addService(testing.EchoService.service, {
  Echo: (call, callback) => {
    const trailers = new grpc.Metadata();
    trailers.set('echo-trailer', 'grpc-js');
    const authorization = call.metadata.get('authorization');
    callback(null, {
      text: call.request.text,
      authorization: authorization.length > 0 ? String(authorization[0]) : '',
      user: 'grpc-js',
      hasDeadline: call.getDeadline() !== Infinity,
    }, trailers);
  },
  Fail: (call, callback) => {
    callback({ code: call.request.code, details: call.request.message });
  },
  Slow: () => {
    // Never answers: the caller's deadline ends the call.
  },
});

server.addService(testing.FeedService.service, {
  Watch: (call) => {
    const { text, count, hang, failCode, failMessage } = call.request;
    for (let n = 1; n <= count; n++) {
      call.write({ text: `${text} ${n}` });
    }
    if (hang) {
      // Never ends: the caller's deadline ends the call.
      return;
    }
    if (failCode !== 0) {
      const trailers = new grpc.Metadata();
      trailers.set('failure-trailer', 'grpc-js');
      call.emit('error', { code: failCode, details: failMessage, metadata: trailers });
      return;
    }
    const trailers = new grpc.Metadata();
    trailers.set('watch-trailer', 'grpc-js');
    call.end(trailers);
  },
});

server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, port) => {
  if (error) {
    process.stderr.write(String(error) + '\n');
    process.exit(1);
  }
  process.stdout.write(JSON.stringify({ port }) + '\n');
});

process.stdin.resume();
process.stdin.on('end', () => server.tryShutdown(() => process.exit(0)));
