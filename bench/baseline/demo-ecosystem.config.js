// pm2-runtime's view of the demo stack (see demo-pm2.sh, which prepares the state and exports the
// environment). No wait_ready: it needs process.send('ready') from a Node app, and only the
// frontend is one. pm2 starts every app at once and restarts the backend until PostgreSQL answers.
const e = process.env;
const asPostgres = e.AS_ROOT === '1' ? ['--reuid=postgres', '--regid=postgres', '--init-groups', '--'] : [];
const common = { interpreter: 'none', autorestart: true, restart_delay: 100, max_restarts: 100,
  kill_timeout: 30000, cwd: e.ROOT, merge_logs: true,
  out_file: `${e.DEMO_DIR}/logs/pm2-out.log`, error_file: `${e.DEMO_DIR}/logs/pm2-err.log` };
module.exports = {
  apps: [
    { ...common, name: 'postgres', cwd: e.DEMO_DIR,
      script: e.AS_ROOT === '1' ? 'setpriv' : 'postgres',
      args: [...asPostgres, ...(e.AS_ROOT === '1' ? ['postgres'] : []), '-D', `${e.DEMO_DIR}/pg`, '-p', e.DEMO_PG_PORT,
        '-k', `${e.DEMO_DIR}/run`, '-c', 'listen_addresses=127.0.0.1'] },
    { ...common, name: 'redis', script: 'redis-server',
      args: ['--port', e.DEMO_REDIS_PORT, '--bind', '127.0.0.1', '--dir', `${e.DEMO_DIR}/redis`, '--save', '', '--appendonly', 'no'] },
    { ...common, name: 'backend', script: '/usr/bin/python3', args: ['-u', 'demo/backend/app.py'] },
    { ...common, name: 'frontend', script: 'node', args: ['demo/frontend/server.js'] },
  ],
};
