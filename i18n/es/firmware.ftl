## La página Firmware: los dispositivos que conoce fwupd, sus actualizaciones y su instalación.

firmware-title = Firmware
    .keywords = firmware;actualización;actualizaciones;actualizar;BIOS;UEFI;fwupd;LVFS;dispositivo;cámara web;webcam;base de conexión;dock;update;updates

firmware-devices = Dispositivos
firmware-none = No se encontró ningún dispositivo con un firmware que se pueda mostrar.
firmware-not-running = El servicio de firmware no está en marcha
    .body = Las actualizaciones de firmware las proporciona fwupd. Esta página muestra sus dispositivos por sí sola en cuanto esté en marcha.
firmware-unreadable = No se pueden leer los dispositivos del servicio de firmware

## Un dispositivo

firmware-vendor = Fabricado por { $vendor }
firmware-version = Versión { $version }
firmware-version-unknown = Versión desconocida
firmware-live-usable = Se puede usar mientras se actualiza.
firmware-live-unusable = No se puede usar mientras se actualiza.
firmware-live-reboot = Su actualización termina cuando se reinicia el equipo.
firmware-live-shutdown = Su actualización termina después de apagar el equipo.
firmware-not-updatable = Su firmware no se puede actualizar desde aquí.
firmware-up-to-date = Actualizado.
firmware-state-pending = Hay una actualización esperando al próximo reinicio.
firmware-state-success = La última actualización se completó correctamente.
firmware-state-failed = La última actualización falló: { $reason }
firmware-state-failed-plain = La última actualización falló.
firmware-state-needs-reboot = La última actualización termina cuando se reinicie el equipo.
firmware-state-failed-transient = La última actualización no se pudo ejecutar. Se puede volver a intentar.

## Una actualización disponible

firmware-update-available = La versión { $version } está disponible
firmware-update-size = Tamaño: { $size }
firmware-urgency-low = Urgencia baja
firmware-urgency-medium = Urgencia media
firmware-urgency-high = Urgencia alta
firmware-urgency-critical = Crítica: instálela pronto
firmware-release-notes = Novedades
firmware-update = Actualizar
firmware-update-elsewhere = Se está instalando otra actualización.
firmware-being-updated = Se está instalando esta actualización.
# fwupd está instalando una actualización que pidió otro programa.
firmware-busy-elsewhere = Otro programa está actualizando un firmware: { $step }, { $percent } %.

## Una actualización en curso

firmware-updating = Actualizando { $device } a la versión { $version }
firmware-step-downloading = Descargando la actualización
firmware-step-checking = Comprobando la descarga
firmware-step-preparing = Preparando la actualización
firmware-step-authorizing = Esperando permiso
firmware-step-device-busy = Esperando al dispositivo
firmware-step-reading = Leyendo el dispositivo
firmware-step-erasing = Borrando el firmware antiguo
firmware-step-writing = Escribiendo el firmware
firmware-step-verifying = Verificando el firmware
firmware-step-restarting = Reiniciando el dispositivo
firmware-step-waiting-for-you = Esperando su intervención
firmware-step-working = Actualizando
# El nombre de la barra de progreso, que leen los lectores de pantalla.
firmware-progress = { $device }: { $step }, { $percent } %
# Se anuncia cuando cambia el paso.
firmware-progress-step = { $device }: { $step }

## Cómo terminó una actualización

firmware-done = Se actualizó { $device } a la versión { $version }.
firmware-restart-needed = { $device } se actualizará a la versión { $version } cuando se reinicie el equipo.
firmware-shutdown-needed = { $device } se actualizará a la versión { $version } después de apagar el equipo y volver a encenderlo.
firmware-failed = No se actualizó { $device } a la versión { $version }.
firmware-restart = Reiniciar para terminar
firmware-close = Cerrar
firmware-restart-failed = No se pudo reiniciar el equipo.

## Por qué falló algo

firmware-error-offline = Este equipo no tiene conexión, así que no se pudo descargar la actualización.
firmware-error-untrusted = No se pudo verificar la identidad del servidor de descarga { $host }, así que no se descargó la actualización.
firmware-error-download = No se pudo descargar la actualización.
firmware-error-checksum = El archivo descargado no es el que describe la actualización, así que no se instaló nada.
firmware-error-no-checksum = La actualización no indica ninguna suma de comprobación con la que verificar la descarga, así que no se instaló nada.
firmware-error-no-location = La actualización no indica desde dónde se puede descargar.
firmware-error-unsupported = La actualización se ofrece desde una dirección de la que este equipo no puede descargar.
firmware-error-busy = El dispositivo está ocupado. Vuelva a intentarlo cuando no esté en uso.
firmware-error-not-authorized = No tiene permiso para actualizar el firmware en este equipo.
firmware-error-not-running = El servicio de firmware no está en marcha.
firmware-error-stopped-during = El servicio de firmware se detuvo durante la actualización. Los dispositivos de abajo se muestran tal como los informa ahora.
firmware-error-timeout = El servicio de firmware no respondió a tiempo.
firmware-error-nothing-to-do = No hay nada que instalar: esta versión ya está instalada.
firmware-error-refused = El servicio de firmware rechazó la actualización.
firmware-error-remote = El origen de las actualizaciones no está disponible.
firmware-error-local = Algo falló en este equipo al preparar la actualización.
firmware-error-bus = No se pudo contactar con el servicio de firmware.

## Buscar actualizaciones

firmware-check = Buscar actualizaciones
firmware-refresh-checking = Buscando actualizaciones…
firmware-refresh-last = { $days ->
    [0] Las actualizaciones se buscaron por última vez hoy.
    [one] Las actualizaciones se buscaron por última vez ayer.
    [many] Las actualizaciones se buscaron por última vez hace { $days } de días.
   *[other] Las actualizaciones se buscaron por última vez hace { $days } días.
}
firmware-refresh-never = Todavía no se han buscado actualizaciones.
firmware-refresh-metered = Las actualizaciones no se buscan automáticamente en una conexión medida. Pulse «Buscar actualizaciones» para buscarlas ahora.
firmware-refresh-offline = Este equipo no tiene conexión. Las actualizaciones se buscarán cuando vuelva a estar conectado.
firmware-refresh-failed = No se pudieron buscar actualizaciones. { $reason }
firmware-refresh-no-remote = No hay configurado ningún origen de actualizaciones de firmware.

## fwupd pide a la persona que haga algo

firmware-prompt-title = { $device } necesita su intervención
firmware-request-remove-replug = Desconecte { $device } y vuelva a conectarlo.
firmware-request-press-unlock = Pulse el botón de desbloqueo de { $device }.
firmware-request-remove-usb-cable = Desconecte el cable USB de { $device }.
firmware-request-insert-usb-cable = Conecte el cable USB a { $device }.
firmware-request-do-not-power-off = No apague { $device } ni este equipo hasta que termine la actualización.
firmware-request-replug-install = Desconecte { $device } y vuelva a conectarlo para instalar la actualización.
firmware-request-replug-power = Desconecte { $device } de la corriente y vuelva a conectarlo.
firmware-request-vendor = { $device }: { $message }
firmware-request-generic = { $device } necesita que haga algo antes de que la actualización pueda continuar.
firmware-prompt-done = Hecho
firmware-device-unknown = Dispositivo desconocido
