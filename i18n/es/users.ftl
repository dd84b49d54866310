## La página Usuarios: las personas de este equipo, añadirlas y quitarlas,
## administradores, la contraseña y la imagen propias.

users-title = Usuarios
    .keywords = usuarios;personas;cuentas;persona;añadir usuario;quitar usuario;eliminar usuario;administrador;admin;estándar;contraseña;imagen;avatar;foto;inicio de sesión

users-not-running = El servicio de cuentas no está en marcha
    .body = Las personas de este equipo vienen de AccountsService. Esta página las muestra por sí sola en cuanto funcione.
users-unreadable = No se pueden leer las personas de este equipo

users-people-heading = Personas
users-explained = Todas las personas que pueden iniciar sesión en este equipo. Añadir, quitar y cambiar personas requiere un administrador.
users-you = tú
users-locked = bloqueada
users-standard = Estándar
    .desc = Usa aplicaciones y cambia sus propios ajustes.
users-administrator = Administrador
    .desc = También puede añadir y quitar personas y cambiar los ajustes de todo el equipo.
users-last-administrator = El único administrador: otra persona debe serlo antes de que esta cuenta deje de serlo.
users-making-administrator = Haciendo administrador a { $name }…
users-making-standard = Haciendo estándar la cuenta de { $name }…
users-automatic-login = Inicio de sesión automático
    .desc = Entra sin contraseña cuando este equipo arranca. Solo una persona puede tenerlo.
users-turning-on-automatic-login = Activando el inicio de sesión automático de { $name }…
users-turning-off-automatic-login = Desactivando el inicio de sesión automático de { $name }…
users-cancel = Cancelar

users-add-open = Añadir una persona…
users-add-title = Añadir una persona
users-real-name = Nombre completo
users-login-name = Nombre de usuario
users-account-type = Tipo de cuenta
users-password = Contraseña
users-password-confirm = Escribe de nuevo la contraseña
users-add = Añadir
users-adding = Añadiendo a { $name }…
users-real-name-empty = Escribe el nombre completo de la persona.
users-name-empty = Escribe un nombre de usuario.
users-name-too-long = El nombre de usuario puede tener como máximo { $count } caracteres.
users-name-bad-start = El nombre de usuario debe empezar por una letra minúscula.
users-name-bad-characters = El nombre de usuario solo puede tener letras minúsculas, cifras, guiones y guiones bajos.
users-password-too-short = La contraseña necesita al menos { $count } caracteres.
users-password-too-long = La contraseña es demasiado larga.
users-password-mismatch = Las dos contraseñas no son iguales.
users-strength-too-short = Demasiado corta: al menos { $count } caracteres
users-strength-weak = Contraseña débil
users-strength-fair = Contraseña aceptable
users-strength-strong = Contraseña fuerte

users-remove-open = Quitar…
users-remove-title = ¿Quitar a { $name }?
users-remove-body = Ya no podrá iniciar sesión.
users-remove-keep = Conservar sus archivos
    .desc = Su carpeta personal se queda en este equipo.
users-remove-delete = Eliminar sus archivos
    .desc = Se eliminan su carpeta personal y todo su contenido.
users-remove = Quitar
users-removing = Quitando a { $name }…

users-password-open = Cambiar la contraseña…
users-password-title = Cambiar tu contraseña
users-password-new = Contraseña nueva
users-password-change = Cambiar la contraseña
users-password-changing = Cambiando tu contraseña…

users-picture-open = Cambiar la imagen…
users-picture-title = Cambiar tu imagen
users-picture-body = Escribe la ruta de una imagen PNG o JPEG. Se recorta en cuadrado y se reduce.
users-picture-path = Archivo de imagen
users-picture-use = Usar la imagen
users-picture-setting = Poniendo tu imagen…
users-picture-empty = Escribe la ruta de un archivo de imagen.
users-picture-not-absolute = Escribe la ruta completa, empezando por /.
users-picture-unreadable = No se puede leer ese archivo.
users-picture-too-large = Esa imagen es demasiado grande.
users-picture-not-a-picture = Ese archivo no es una imagen PNG o JPEG.

users-error-add-refused = No se añadió a la persona: un administrador no lo permitió.
users-error-remove-refused = No se quitó a la persona: un administrador no lo permitió.
users-error-type-refused = No se cambió el tipo de cuenta: un administrador no lo permitió.
users-error-password-refused = No se cambió la contraseña: el cambio no se confirmó.
users-error-picture-refused = No se cambió la imagen: no se permitió.
users-error-automatic-login-refused = No se cambió el inicio de sesión automático: un administrador no lo permitió.
users-error-gone = El servicio de cuentas se detuvo, así que no se cambió nada. Esta página vuelve a mostrar las personas cuando vuelva.
users-error-no-answer = El servicio de cuentas no respondió. Puede que el cambio no se haya hecho; la página muestra lo que dice el servicio en cuanto responda.
users-error-name-taken = El nombre de usuario «{ $name }» ya está en uso. Elige otro.
users-error-no-such-person = Esa persona ya no está en este equipo.
users-error-failed = El servicio de cuentas no pudo hacer el cambio.
