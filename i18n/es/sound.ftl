# La página de Sonido (PipeWire, con WirePlumber como gestor de sesiones).

sound-title = Sonido
    .keywords = sonido;audio;volumen;altavoces;altavoz;auriculares;cascos;micrófono;silenciar;silencio;mudo;balance;salida;entrada;nivel;alto;pipewire;headset;speakers;headphones;mute

## Las dos secciones principales.
sound-output-heading = Salida
sound-input-heading = Entrada
sound-no-outputs = No se encontró ninguna salida: no hay ninguna tarjeta de sonido, auriculares ni altavoz conectados.
sound-no-inputs = No se encontró ninguna entrada: no hay ningún micrófono conectado.
sound-output-volume = Volumen de salida
sound-output-mute = Silenciar la salida
sound-input-volume = Volumen de entrada
sound-input-mute = Silenciar el micrófono
sound-balance = Balance
sound-balance-centre = Centrado
sound-balance-left = { $percent } % a la izquierda
sound-balance-right = { $percent } % a la derecha
sound-output-level = Nivel de salida
sound-input-level = Nivel de entrada
sound-level-unavailable = No se puede medir el nivel. { $reason }
sound-nothing-playing = No se está reproduciendo nada.
sound-test = Probar los altavoces
sound-testing = Reproduciendo un tono en cada altavoz por turnos, empezando por el izquierdo…
sound-amplify = Permitir más del 100 %
    .desc = El volumen puede llegar al 150 %. Por encima del 100 %, el sonido puede distorsionarse.

## Aplicaciones.
sound-apps-heading = Aplicaciones
sound-no-streams = Ninguna aplicación está reproduciendo ni grabando sonido.
sound-stream-unnamed = Aplicación sin nombre
sound-stream-unlinked = Todavía no está conectada a ningún dispositivo.
sound-stream-playing-on = Reproduciendo en { $devices }
sound-stream-recording-from = Grabando desde { $devices }
sound-stream-volume = Volumen
sound-stream-mute = Silenciar
sound-stream-output = Reproducir en
sound-stream-input = Grabar desde
sound-stream-follow-default-output = La salida predeterminada ({ $device })
sound-stream-follow-default-input = La entrada predeterminada ({ $device })

## Los dispositivos y sus perfiles.
sound-devices-heading = Dispositivos
sound-no-devices = No hay ninguna tarjeta de sonido ni auriculares conectados.
sound-no-profiles = Este dispositivo no tiene perfiles entre los que elegir.
sound-profile-of = perfil de { $device }
sound-profile-off = El dispositivo no se usa.
sound-profile-duplex = Reproduce sonido y graba desde su entrada de micrófono.
sound-profile-output = Solo reproduce sonido; sus entradas no se usan.
sound-profile-input = Solo graba; sus salidas no se usan.
sound-profile-a2dp = La mejor calidad de sonido para escuchar; el micrófono de los auriculares está desactivado.
sound-profile-headset = Activa el micrófono de los auriculares para llamadas; la calidad de sonido es menor.
sound-profile-pro-audio = Cada canal por separado, sin mezclar, para software de estudio.
sound-profile-unavailable = Ahora mismo no hay nada conectado a él.

## Cuando no se puede mostrar el sonido.
sound-not-running = El servicio de sonido no está en marcha
    .body = PipeWire, que reproduce y graba el sonido, no se está ejecutando. Esta página vuelve por sí sola cuando se inicie.
sound-no-answer = El servicio de sonido no responde
    .body = PipeWire se está ejecutando, pero no respondió a tiempo. Esta página vuelve a intentarlo por sí sola.
sound-unreadable = No se puede mostrar el sonido
    .body = No se pudo leer el servicio de sonido: { $detail }
sound-no-session-manager = Los dispositivos de sonido no se están gestionando
    .body = WirePlumber, que elige los dispositivos predeterminados y conecta las aplicaciones a ellos, no se está ejecutando. Se puede cambiar el volumen, pero no se pueden elegir dispositivos hasta que se inicie.

## Un comando que falló: qué y, después, por qué.
sound-failed-default = No se pudo establecer «{ $name }» como predeterminado.
sound-failed-volume = No se pudo cambiar el volumen de «{ $name }».
sound-failed-mute = No se pudo silenciar ni reactivar el sonido de «{ $name }».
sound-failed-move = No se pudo mover «{ $name }» a otro dispositivo.
sound-failed-profile = No se pudo cambiar el perfil de «{ $name }».
sound-failed-test = No se pudo reproducir la prueba de altavoces en «{ $name }».
sound-error-not-running = El servicio de sonido no se está ejecutando.
sound-error-no-session-manager = WirePlumber, el gestor de sesiones de sonido, no se está ejecutando.
sound-error-no-answer = El servicio de sonido no respondió a tiempo.
sound-error-gone = Ya no está (se desconectó o se cerró).
sound-error-no-profile = El dispositivo ya no ofrece ese perfil.
sound-error-unsuitable = No se puede usar para esto.
sound-error-no-volume = No tiene control de volumen.
sound-error-invalid-volume = Ese volumen no está permitido; active «Permitir más del 100 %» para superar el 100 %.
sound-error-not-permitted = El servicio de sonido no lo permitió.
sound-error-refused = El servicio de sonido rechazó el cambio.
sound-error-stream-failed = El flujo de sonido se detuvo (puede que el dispositivo ya no esté).
sound-error-local = La aplicación Configuración no pudo comunicarse con el servicio de sonido.

## Added with ports and paused streams.
sound-port = Conector
sound-port-unplugged = No hay nada conectado.
sound-stream-paused = En pausa
sound-failed-port = No se pudo cambiar «{ $name }» a ese conector.
sound-preferences-invalid = No se pudieron leer los ajustes de sonido guardados; el volumen se detiene en 100 % hasta que vuelva a elegir.
sound-preferences-not-saved = No se pudo guardar su elección sobre volúmenes por encima del 100 %; dura hasta que se cierre la configuración.
