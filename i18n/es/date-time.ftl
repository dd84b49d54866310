## The Date & Time page: the clock, automatic time, the time zone, the 24-hour clock.

date-time-title = Fecha y hora
    .keywords = fecha;hora;reloj;zona horaria;zona;NTP;hora automática;hora de red;24 horas;12 horas;UTC;calendario;date;time;clock;time zone;timezone

date-time-not-running = El servicio de hora no está en funcionamiento
    .body = Los ajustes de fecha y hora vienen de systemd-timedated. Esta página los muestra por sí sola en cuanto funcione.
date-time-unreadable = No se pueden leer los ajustes del servicio de hora

# The live clock as a screen reader hears it.
date-time-clock-name = { $time }, { $date }
# The machine's zone with its offset: "Berlin (Europe), UTC+01:00".
date-time-zone-line = { $zone }, { $offset }
date-time-utc = UTC
# $offset is written with its sign: "+01:00", "−03:30".
date-time-offset = UTC{ $offset }

date-time-time-heading = Hora
date-time-automatic = Fecha y hora automáticas
    .desc = Las ponen los servidores de hora de la red.
date-time-automatic-synchronized = Las ponen los servidores de hora de la red; el reloj está sincronizado.
date-time-automatic-unavailable = La hora automática no está disponible: no hay ningún servicio de sincronización de hora instalado en este equipo.
date-time-turning-automatic-on = Activando la hora automática…
date-time-turning-automatic-off = Desactivando la hora automática…

date-time-manual-open = Poner fecha y hora…
date-time-manual-title = Poner la fecha y la hora
date-time-manual-hint = La hora es la de la zona horaria de este equipo, en formato de 24 horas.
date-time-manual-date = Fecha (año-mes-día)
date-time-manual-time = Hora (horas:minutos)
date-time-manual-set = Poner
date-time-setting-time = Poniendo el reloj en hora…
date-time-manual-date-form = Escriba la fecha como año-mes-día, por ejemplo 2026-12-07.
date-time-manual-no-such-day = Ese día no existe. Compruebe el mes y el día.
date-time-manual-year-range = Elija un año entre 1970 y 2199.
date-time-manual-time-form = Escriba la hora como horas:minutos, por ejemplo 14:05.
date-time-manual-no-such-time = Esa hora no existe. Las horas van de 0 a 23 y los minutos de 0 a 59.
date-time-cancel = Cancelar

date-time-zone-heading = Zona horaria
date-time-zone-change = Cambiar la zona horaria…
date-time-changing-zone = Cambiando la zona horaria a { $zone }…
date-time-picker-title = Elegir una zona horaria
date-time-picker-search = Buscar por ciudad, región o país
date-time-picker-loading = Leyendo las zonas horarias…
date-time-picker-none = Ninguna zona horaria coincide con «{ $query }».
date-time-picker-more = Coinciden más zonas horarias: escriba más del nombre para acotar la lista.
# A zone's local time now, what a screen reader hears after the zone.
date-time-picker-local = Hora local: { $time }

date-time-clock-heading = Reloj
date-time-24-hour = Reloj de 24 horas
    .desc = 14:00 en lugar de 2:00 p. m. Es su propia elección; no cambia el reloj del equipo.

date-time-error-zone-refused = No se cambió la zona horaria: un administrador no lo permitió.
date-time-error-automatic-refused = No se cambió la hora automática: un administrador no lo permitió.
date-time-error-time-refused = No se puso el reloj en hora: un administrador no lo permitió.
date-time-error-unknown-zone = Este equipo no conoce la zona horaria { $zone }.
date-time-error-gone = El servicio de hora se detuvo antes de hacer el cambio. No se cambió nada; inténtelo de nuevo.
date-time-error-no-answer = El servicio de hora no respondió. Puede que el cambio no se haya hecho; la página muestra lo que diga el servicio en cuanto responda.
date-time-error-automatic-on = El reloj no se puede poner a mano mientras la hora automática esté activada.
date-time-error-skipped = { $time } no existe en esta zona horaria (los relojes se la saltan). Elija otra hora.
date-time-error-failed = No se hizo el cambio: el servicio de hora informó de un error.
