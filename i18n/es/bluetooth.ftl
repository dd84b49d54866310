# La página de Bluetooth.
bluetooth-title = Bluetooth
    .keywords = bluetooth;inalámbrico;emparejar;emparejamiento;vincular;dispositivo;dispositivos;auriculares;cascos;altavoz;teclado;ratón;mando;teléfono;móvil;adaptador;visible;headset;pair;wireless

bluetooth-not-running = Bluetooth no está en marcha
    .body = El servicio de Bluetooth (bluetoothd) no está en marcha. Esta página se actualiza sola cuando se inicie.
bluetooth-no-adapter = No hay adaptador Bluetooth
    .body = Este equipo no tiene adaptador Bluetooth, o está apagado. Conecte uno o enciéndalo: aparecerá aquí solo.
bluetooth-no-answer = Bluetooth no responde
    .body = El servicio de Bluetooth está en marcha pero no respondió a tiempo. Esta página se actualiza sola cuando vuelva a responder.
bluetooth-unreadable = No se pudo leer el estado de Bluetooth
    .body = { $detail }. Esta página lo vuelve a intentar sola.

# El adaptador.
bluetooth-adapter-heading = Este equipo
bluetooth-adapter-choice = Adaptador Bluetooth
bluetooth-adapter-name = { $name } ({ $id })
bluetooth-adapter-address = Dirección { $address }
bluetooth-power = Bluetooth
bluetooth-power-on = Activado: los dispositivos pueden conectarse a este equipo.
bluetooth-power-off = Desactivado: ningún dispositivo puede conectarse.
bluetooth-power-turning-on = Activando…
bluetooth-power-turning-off = Desactivando…
bluetooth-visible-as = Visible como
bluetooth-alias-save = Guardar nombre
bluetooth-saving = Guardando…
bluetooth-discoverable = Mientras esta página esté abierta, los dispositivos cercanos pueden encontrar este equipo como «{ $name }».
bluetooth-discoverable-soon = Mientras esta página esté abierta, los dispositivos cercanos pueden encontrar este equipo.
bluetooth-discoverable-off = Active Bluetooth para que los dispositivos cercanos encuentren este equipo.
bluetooth-address = Dirección
bluetooth-name-empty = Escriba un nombre: no puede estar vacío.
bluetooth-name-too-long = Un nombre puede tener como máximo { $max } bytes (las letras de algunas escrituras ocupan dos o tres); este tiene { $bytes }. Acórtelo.

# Los dispositivos.
bluetooth-my-devices = Mis dispositivos
bluetooth-nearby = Dispositivos cercanos
bluetooth-no-paired = Todavía no hay ningún dispositivo emparejado con este equipo.
bluetooth-searching = Buscando dispositivos…
bluetooth-searching-note = Se siguen buscando dispositivos mientras esta página esté abierta.
bluetooth-no-nearby = No hay otros dispositivos cerca.
bluetooth-off-nearby = Active Bluetooth para encontrar dispositivos cercanos.

bluetooth-kind-headset = Auriculares con micrófono
bluetooth-kind-headphones = Auriculares
bluetooth-kind-speaker = Altavoz
bluetooth-kind-keyboard = Teclado
bluetooth-kind-mouse = Ratón
bluetooth-kind-gamepad = Mando de juego
bluetooth-kind-phone = Teléfono
bluetooth-kind-computer = Ordenador
bluetooth-kind-tablet = Tableta digitalizadora
bluetooth-kind-watch = Reloj
bluetooth-kind-printer = Impresora
bluetooth-kind-camera = Cámara
bluetooth-kind-other = Dispositivo

bluetooth-signal-strong = Señal fuerte
bluetooth-signal-fair = Señal media
bluetooth-signal-weak = Señal débil
bluetooth-state-connected = Conectado
bluetooth-state-paired = Emparejado
bluetooth-state-trusted = De confianza
bluetooth-state-blocked = Bloqueado
bluetooth-battery = Batería { $percent } %

bluetooth-busy-pairing = Emparejando…
bluetooth-busy-connecting = Conectando…
bluetooth-busy-disconnecting = Desconectando…
bluetooth-busy-forgetting = Olvidando…
bluetooth-busy-blocking = Bloqueando…
bluetooth-busy-unblocking = Desbloqueando…
bluetooth-busy-renaming = Cambiando el nombre…

bluetooth-pair = Emparejar
bluetooth-connect = Conectar
bluetooth-disconnect = Desconectar
bluetooth-details-show = Detalles
bluetooth-details-hide = Ocultar detalles
bluetooth-forget = Olvidar
bluetooth-block = Bloquear
bluetooth-unblock = Desbloquear
bluetooth-rename = Cambiar nombre
bluetooth-rename-label = Nombre
bluetooth-rename-save = Guardar
bluetooth-cancel = Cancelar
bluetooth-dismiss = Cerrar
bluetooth-sound-settings = Ajustes de sonido
bluetooth-kind = Tipo
bluetooth-services = Servicios
bluetooth-services-none = Ninguno informado
bluetooth-own-name = Su propio nombre
bluetooth-forget-question = ¿Olvidar «{ $name }»?
    .body = Este equipo borra el emparejamiento. Para volver a usar el dispositivo, empareje de nuevo.

bluetooth-service-audio-sink = Reproducción de audio
bluetooth-service-audio-source = Fuente de audio
bluetooth-service-headset = Llamadas (auriculares con micrófono)
bluetooth-service-remote-control = Controles multimedia
bluetooth-service-input = Entrada (teclado, ratón)
bluetooth-service-battery = Nivel de batería
bluetooth-service-file-transfer = Transferencia de archivos
bluetooth-service-network = Compartir red
bluetooth-service-serial-port = Puerto serie
bluetooth-service-phone-book = Contactos
bluetooth-service-messages = Mensajes
bluetooth-service-other = Servicio { $uuid }

# El diálogo de emparejamiento.
bluetooth-pairing-title = Emparejando con «{ $name }»
bluetooth-ask-pin = Escriba el PIN de «{ $name }» (de 1 a 16 caracteres). Está en el manual del dispositivo o aparece en él.
bluetooth-ask-passkey = Escriba la clave de 6 cifras que muestra «{ $name }».
bluetooth-ask-display = Escriba { $code } en «{ $name }» y pulse Intro.
bluetooth-display-progress = { $entered } de 6 cifras escritas en el dispositivo
bluetooth-ask-confirm = ¿Muestra «{ $name }» { $code }? Confirme solo si muestra el mismo número.
bluetooth-ask-authorize = «{ $name }» quiere emparejarse con este equipo. ¿Permitirlo?
bluetooth-ask-authorize-service = «{ $name }» quiere usar { $service } en este equipo. ¿Permitirlo?
bluetooth-pin-label = PIN
bluetooth-passkey-label = Clave
bluetooth-confirm = Confirmar
bluetooth-allow = Permitir
bluetooth-deny = Denegar
bluetooth-pin-empty = Escriba el PIN.
bluetooth-pin-too-long = Un PIN tiene como máximo 16 caracteres.
bluetooth-pin-not-printable = Un PIN no puede contener caracteres de control.
bluetooth-passkey-not-digits = La clave es el número de hasta 6 cifras que muestra el dispositivo.
bluetooth-request-ended = «{ $name }» dejó de esperar una respuesta: se canceló el emparejamiento en el dispositivo o nadie respondió a tiempo.

# Órdenes fallidas; sigue el motivo que da BlueZ.
bluetooth-error-with-reason = { $sentence } BlueZ dice: { $reason }
bluetooth-error-power-on = No se pudo activar Bluetooth.
bluetooth-error-power-off = No se pudo desactivar Bluetooth.
bluetooth-error-alias = No se pudo cambiar el nombre con el que este equipo es visible.
bluetooth-error-pair = No se pudo emparejar con «{ $name }».
bluetooth-error-connect = No se pudo conectar con «{ $name }».
bluetooth-error-disconnect = No se pudo desconectar «{ $name }».
bluetooth-error-forget = No se pudo olvidar «{ $name }».
bluetooth-error-block = No se pudo bloquear «{ $name }».
bluetooth-error-unblock = No se pudo desbloquear «{ $name }».
bluetooth-error-rename = No se pudo cambiar el nombre de «{ $name }».
bluetooth-error-not-running = El servicio de Bluetooth se detuvo.
bluetooth-error-no-adapter = El adaptador Bluetooth ya no está.
bluetooth-error-no-answer = El servicio de Bluetooth no respondió a tiempo.
bluetooth-error-blocked = El adaptador Bluetooth está apagado o bloqueado.
bluetooth-error-not-permitted = No tiene permiso para cambiar este ajuste de Bluetooth.
bluetooth-error-busy = «{ $name }» está ocupado con otra solicitud; inténtelo de nuevo en un momento.
bluetooth-error-not-found = Este equipo ya no conoce «{ $name }».
bluetooth-error-not-supported = El dispositivo o el adaptador no puede hacer esto.
bluetooth-error-nothing-to-connect = «{ $name }» no ofrece nada a lo que este equipo pueda conectarse; sigue vinculado.
bluetooth-error-rejected = «{ $name }» rechazó el emparejamiento.
bluetooth-error-auth-failed = El emparejamiento con «{ $name }» falló: los códigos no coincidían.
bluetooth-error-canceled = Se canceló el emparejamiento con «{ $name }».
bluetooth-error-auth-timeout = «{ $name }» no respondió a tiempo durante el emparejamiento.
