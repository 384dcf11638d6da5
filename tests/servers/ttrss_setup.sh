#!/bin/bash
# A real Tiny Tiny RSS server for the sync tests (Debian's tt-rss package, API level 15).
#
#   ttrss_setup.sh install                  apt packages (tt-rss, php, postgresql 15); as root or via sudo
#   ttrss_setup.sh start PORT STATE_DIR     private PostgreSQL on a unix socket + `php -S 127.0.0.1:PORT`
#   ttrss_setup.sh update STATE_DIR [--force-update]   update.php --feeds, as www-data
#   ttrss_setup.sh sql "SQL" STATE_DIR      run SQL in the instance's database (psql -At)
#   ttrss_setup.sh stop|status|destroy STATE_DIR
#
# Every command is idempotent. Several instances can run at once (different PORT and STATE_DIR):
# the shared /etc/tt-rss files read the instance from environment variables. Servers run as www-data
# and postgres, so STATE_DIR must be traversable by them (not under /root). Stop is by PID only.
set -euo pipefail

PG_VERSION=15
PG_BIN=/usr/lib/postgresql/$PG_VERSION/bin
TTRSS=/usr/share/tt-rss
DEBS_FIRST=(php-cgi)  # first, or apt satisfies "php" with libapache2-mod-php and pulls in apache2
DEBS=(dbconfig-no-thanks tt-rss php-cli php-pgsql php-curl php-intl php-mbstring php-xml php-gd
      "postgresql-$PG_VERSION")
ADMIN_USER=admin
ADMIN_PASSWORD=password

put() {  # put PATH < content: replace PATH atomically (other instances may be reading it)
  local tmp="$1.tmp.$$"
  cat > "$tmp"
  if cmp -s "$tmp" "$1"; then rm -f "$tmp"; else mv -f "$tmp" "$1"; fi
}

die() { echo "ttrss_setup: $*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

installed() {
  for p in "${DEBS_FIRST[@]}" "${DEBS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || return 1
  done
}

apt_install() {
  as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq \
    --no-install-recommends "$@" >/dev/null
}

cmd_install() {
  installed && return 0
  echo "ttrss_setup: installing tt-rss, php and postgresql $PG_VERSION (Debian packages)" >&2
  echo "tt-rss tt-rss/dbconfig-install boolean false" | as_root debconf-set-selections
  # No service may start from a postinst: this image has a policy-rc.d (exit 101); make one if not.
  local made_policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | as_root tee /usr/sbin/policy-rc.d >/dev/null
    as_root chmod 755 /usr/sbin/policy-rc.d
    made_policy=1
  fi
  if ! apt-cache show tt-rss >/dev/null 2>&1; then
    as_root apt-get -o DPkg::Lock::Timeout=300 update -qq
  fi
  local ok=1
  apt_install "${DEBS_FIRST[@]}" && apt_install "${DEBS[@]}" || ok=""
  if [ -z "$ok" ]; then  # stale package lists (404): refresh once and retry
    as_root apt-get -o DPkg::Lock::Timeout=300 update -qq
    apt_install "${DEBS_FIRST[@]}" && apt_install "${DEBS[@]}" || ok=0
  fi
  [ -n "$made_policy" ] && as_root rm -f /usr/sbin/policy-rc.d
  [ "$ok" != 0 ] || die "apt-get install failed"
}

# --- configuration shared by all instances (idempotent; the instance comes from env vars) -------

configure() {
  local www=$TTRSS/www
  # This snapshot's UrlHelper::build_url() drops the port (fixed upstream later): keep it.
  if ! grep -q 'ttrss_setup: keep port' "$www/classes/urlhelper.php"; then
    sed -i '0,/\$tmp = \$parts\[.scheme.\] \. ":\/\/" \. \$parts\[.host.\];/s//&\n\t\tif (isset($parts["port"])) $tmp .= ":" . $parts["port"]; \/\/ ttrss_setup: keep port/' \
      "$www/classes/urlhelper.php"
    grep -q 'ttrss_setup: keep port' "$www/classes/urlhelper.php" || die "could not patch urlhelper.php"
  fi
  put /etc/tt-rss/database.php <<'PHP'
<?php
// Written by tests/servers/ttrss_setup.sh: each instance passes its database in the environment.
$dbtype = 'pgsql';
$dbserver = getenv('TTRSS_DB_HOST') ?: '';
$dbport = getenv('TTRSS_DB_PORT') ?: '5432';
$dbuser = getenv('TTRSS_DB_USER') ?: 'postgres';
$dbname = getenv('TTRSS_DB_NAME') ?: 'ttrss';
$dbpass = '';
PHP
  local conf=/etc/tt-rss/config.php
  sed -i \
    -e "s|^\(\s*\)define('SELF_URL_PATH', .*|\1define('SELF_URL_PATH', getenv('TTRSS_SELF_URL_PATH') ?: 'http://127.0.0.1/');|" \
    -e "s|^\(\s*\)define('LOCK_DIRECTORY', .*|\1define('LOCK_DIRECTORY', getenv('TTRSS_STATE') ? getenv('TTRSS_STATE') . '/lock' : '/var/lib/tt-rss');|" \
    -e "s|^\(\s*\)define('CACHE_DIR', .*|\1define('CACHE_DIR', getenv('TTRSS_STATE') ? getenv('TTRSS_STATE') . '/cache' : '/var/cache/tt-rss');|" \
    -e "s|^\(\s*\)define('CHECK_FOR_UPDATES', .*|\1define('CHECK_FOR_UPDATES', false);|" \
    -e "s|^\(\s*\)define('PLUGINS', .*|\1define('PLUGINS', 'auth_internal, note, local_fetch');|" \
    -e "s|^\(\s*\)define('LOG_DESTINATION', .*|\1define('LOG_DESTINATION', '');|" \
    "$conf"
  mkdir -p "$www/plugins.local/local_fetch"
  put "$www/plugins.local/local_fetch/init.php" <<'PHP'
<?php
/* Test servers only (tests/servers/ttrss_setup.sh): tt-rss refuses feeds on loopback or on ports
   other than 80/443 ("extended validation"); this system plugin fetches 127.x/localhost URLs itself. */
class Local_Fetch extends Plugin {
	function about() {
		return array(1.0, "Fetch feeds served on 127.0.0.1 (test servers)", "reader tests", true);
	}

	function init($host) {
		$host->add_hook($host::HOOK_SUBSCRIBE_FEED, $this);
		$host->add_hook($host::HOOK_FEED_BASIC_INFO, $this);
		$host->add_hook($host::HOOK_FETCH_FEED, $this);
	}

	function api_version() {
		return 2;
	}

	private static function is_local($url) {
		$host = strtolower((string) parse_url($url, PHP_URL_HOST));
		return $host == "localhost" || strpos($host, "127.") === 0;
	}

	private static function get($url) {
		global $fetch_last_error, $fetch_last_error_code, $fetch_last_error_content;
		global $fetch_last_content_type;
		$ch = curl_init($url);
		curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
		curl_setopt($ch, CURLOPT_FOLLOWLOCATION, true);
		curl_setopt($ch, CURLOPT_MAXREDIRS, 5);
		curl_setopt($ch, CURLOPT_TIMEOUT, 20);
		curl_setopt($ch, CURLOPT_USERAGENT, SELF_USER_AGENT);
		$body = curl_exec($ch);
		$code = curl_getinfo($ch, CURLINFO_HTTP_CODE);
		$fetch_last_content_type = (string) curl_getinfo($ch, CURLINFO_CONTENT_TYPE);
		$fetch_last_error_code = $code;
		if ($body === false || $code != 200) {
			$fetch_last_error = $body === false ? curl_error($ch) : "HTTP Code: $code";
			$fetch_last_error_content = (string) $body;
			return false;
		}
		return $body;
	}

	function hook_subscribe_feed($contents, $url, $auth_login, $auth_pass) {
		return (!$contents && self::is_local($url)) ? self::get($url) : $contents;
	}

	function hook_feed_basic_info($basic_info, $fetch_url, $owner_uid, $feed, $auth_login, $auth_pass) {
		if ($basic_info || !self::is_local($fetch_url)) return $basic_info;
		$data = self::get($fetch_url);
		if (!$data) return $basic_info;
		$rss = new FeedParser(trim($data));
		$rss->init();
		if ($rss->error()) return $basic_info;
		return array(
			"title" => mb_substr(clean($rss->get_title()), 0, 199),
			"site_url" => mb_substr(rewrite_relative_url($fetch_url, clean($rss->get_link())), 0, 245));
	}

	function hook_fetch_feed($feed_data, $fetch_url, $owner_uid, $feed, $last_article_timestamp,
			$auth_login, $auth_pass) {
		return (!$feed_data && self::is_local($fetch_url)) ? (string) self::get($fetch_url) : $feed_data;
	}
}
PHP
}

# --- one instance --------------------------------------------------------------------------------

state_paths() {
  [ -n "${1:-}" ] || die "missing STATE_DIR"
  STATE=$(realpath -m "$1")
  PGDATA=$STATE/pgdata
  PGRUN=$STATE/pgrun   # the socket and the PostgreSQL log (owned by postgres)
  PHP_PID=$STATE/php.pid
}

user_env() {  # user_env USER: sets RUN to run a command as a service user with this instance's env
  RUN=(setpriv --reuid="$1" --regid="$1" --init-groups env
    TTRSS_STATE="$STATE" TTRSS_DB_HOST="$PGRUN" TTRSS_DB_PORT=5432 TTRSS_DB_USER=postgres
    TTRSS_DB_NAME=ttrss TTRSS_SELF_URL_PATH="http://127.0.0.1:$(cat "$STATE/port" 2>/dev/null || echo 80)/")
}

as_user() { local RUN; user_env "$1"; shift; "${RUN[@]}" "$@"; }

pg_running() { [ -f "$PGDATA/postmaster.pid" ] && as_user postgres "$PG_BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; }

php_running() {
  local pid
  pid=$(cat "$PHP_PID" 2>/dev/null) || return 1
  # Our php, not a process that got its PID after a reboot: its command line names our address.
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] &&
    tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q "^php .*-S 127.0.0.1:$(cat "$STATE/port" 2>/dev/null) "
}

psql_() { PGOPTIONS='-c client_min_messages=warning' psql -h "$PGRUN" -p 5432 -U postgres -d ttrss -X -q -At -v ON_ERROR_STOP=1 "$@"; }

cmd_start() {
  local port=${1:-}; state_paths "${2:-}"
  [[ "$port" =~ ^[0-9]+$ ]] || die "usage: start PORT STATE_DIR"
  if php_running && pg_running; then
    [ "$(cat "$STATE/port")" = "$port" ] || die "$STATE already runs on port $(cat "$STATE/port")"
    print_info; return 0
  fi
  installed || cmd_install
  configure
  mkdir -p "$STATE"; chmod 755 "$STATE"
  for user in postgres www-data; do
    setpriv --reuid=$user --regid=$user --clear-groups test -x "$STATE" ||
      die "$STATE is not reachable by $user: use a directory under /var/tmp or /tmp"
  done
  echo "$port" > "$STATE/port"
  mkdir -p "$PGRUN" "$STATE/lock" "$STATE/cache"/{images,upload,export,feeds}
  chown postgres:postgres "$PGRUN"; chown -R www-data:www-data "$STATE/lock" "$STATE/cache"
  local fresh=""
  if [ ! -f "$PGDATA/PG_VERSION" ]; then
    rm -rf "$PGDATA"; mkdir -p "$PGDATA"; chown postgres:postgres "$PGDATA"
    as_user postgres "$PG_BIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --no-sync >/dev/null
    cat >> "$PGDATA/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$PGRUN'
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
    fresh=1
  fi
  pg_running || as_user postgres "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$PGRUN/postgres.log" -w -s start
  if [ -n "$fresh" ]; then
    psql -h "$PGRUN" -U postgres -d postgres -X -q -c "create database ttrss"
    psql_ -f "$TTRSS/schema/ttrss_schema_pgsql.sql" >/dev/null
    # The API is off by default for every user.
    psql_ -c "insert into ttrss_user_prefs(owner_uid, pref_name, value) values (1, 'ENABLE_API_ACCESS', 'true')"
  fi
  if ! php_running; then
    # display_errors=stderr: PHP 8.2 warnings of this 2021 code must not leak into the JSON.
    # A simple command in the background is exec'd directly: $! is php itself (setpriv, env exec).
    local RUN; user_env www-data
    "${RUN[@]}" php -d display_errors=stderr -d log_errors=0 -S "127.0.0.1:$port" -t "$TTRSS/www" \
      >>"$STATE/php.log" 2>&1 </dev/null &
    echo $! > "$PHP_PID"
    local i
    for i in $(seq 100); do
      curl -s -o /dev/null -m 2 -d '{"op":"getApiLevel"}' "http://127.0.0.1:$port/api/" && break
      [ -e "/proc/$(cat "$PHP_PID")" ] || die "php did not start (see $STATE/php.log)"
      sleep 0.05
    done
  fi
  print_info
}

print_info() {
  echo "TTRSS_API_URL=http://127.0.0.1:$(cat "$STATE/port")/api/"
  echo "TTRSS_USER=$ADMIN_USER"
  echo "TTRSS_PASSWORD=$ADMIN_PASSWORD"
  echo "TTRSS_PHP_PID=$(cat "$PHP_PID")"
}

cmd_update() {
  state_paths "${1:-}"; shift || true
  pg_running || die "$STATE is not running"
  as_user www-data php -d display_errors=stderr "$TTRSS/www/update.php" --feeds "$@" >>"$STATE/update.log" 2>&1 ||
    die "update.php failed (see $STATE/update.log)"
}

cmd_sql() {
  local sql=${1:-}; state_paths "${2:-}"
  pg_running || die "$STATE is not running"
  psql_ -c "$sql"
}

cmd_stop() {
  state_paths "${1:-}"
  if php_running; then
    local pid; pid=$(cat "$PHP_PID")
    kill "$pid"
    for _ in $(seq 100); do [ -e "/proc/$pid" ] || break; sleep 0.05; done
    [ ! -e "/proc/$pid" ] || kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$PHP_PID"
  if pg_running; then as_user postgres "$PG_BIN/pg_ctl" -D "$PGDATA" -m fast -w -s stop; fi
}

cmd_status() {
  state_paths "${1:-}"
  local php=stopped pg=stopped
  php_running && php="running (pid $(cat "$PHP_PID"), port $(cat "$STATE/port"))"
  pg_running && pg=running
  echo "php: $php"; echo "postgresql: $pg"
  [ "$php" != stopped ] && [ "$pg" != stopped ]
}

cmd_destroy() {
  state_paths "${1:-}"
  [ -d "$STATE" ] || return 0
  cmd_stop "$STATE"
  rm -rf "$STATE"
}

main() {
  local cmd=${1:-}; shift || true
  case "$cmd" in
    install) cmd_install ;;
    start|update|sql|stop|status|destroy)
      [ "$(id -u)" = 0 ] || exec sudo bash "$0" "$cmd" "$@"
      "cmd_$cmd" "$@" ;;
    *) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
}

[ "${BASH_SOURCE[0]}" = "$0" ] && main "$@"
